package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.index.IndexFolderException;
import org.rolematch.taxonomy.Taxonomy;

/**
 * A folder that is not a RoleMatch index, or one that a crash or a broken disk left partly
 * written, given as the matcher's directory: the matcher refuses it with an {@link IOException} or
 * {@link IllegalArgumentException} whose message names the folder, never a raw runtime exception,
 * and never silently starts a new index beside someone else's files. (The command line's side of
 * this is {@code IndexHardeningTest} in matcher-cli.)
 */
class ForeignIndexDirectoryTest {
  @TempDir Path dir;

  /** Builds a matcher on the folder, expecting a refusal that names it; returns the message. */
  static String refused(Path folder, String mustName) {
    try (Matcher m = Matcher.builder().directory(folder).build()) {
      fail("opened " + folder + " as an index (" + m.roleCount() + " roles) instead of refusing it");
      return "";
    } catch (IOException | IllegalArgumentException e) {
      String msg = String.valueOf(e.getMessage());
      System.out.println("refused " + folder + ": " + e);
      assertTrue(msg.contains(mustName), "the message should name " + mustName + ": " + e);
      return msg;
    } catch (RuntimeException e) {
      throw new AssertionError("a raw " + e.getClass().getName() + " instead of a clear error", e);
    }
  }

  /**
   * Builds a matcher on the folder, expecting an {@link IndexFolderException} naming
   * {@code mustName} with the given problem, plain words for it (no Lucene class names) and the
   * advice that goes with it; returns the message.
   */
  static String refusedAs(Path folder, String mustName, IndexFolderException.Problem problem,
      String... words) {
    try (Matcher m = Matcher.builder().directory(folder).build()) {
      fail("opened " + folder + " as an index (" + m.roleCount() + " roles) instead of refusing it");
      return "";
    } catch (IndexFolderException e) {
      String msg = e.getMessage();
      System.out.println("refused " + folder + ": " + msg + "\n  cause: " + e.getCause());
      assertTrue(msg.contains(mustName), "the message should name " + mustName + ": " + msg);
      assertEquals(problem, e.problem(), msg);
      assertTrue(e.folder().toString().equals(mustName), e.folder() + " vs " + mustName);
      for (String w : words) {
        assertTrue(msg.contains(w), "the message should say '" + w + "': " + msg);
      }
      assertFalse(msg.contains("org.apache.lucene") || msg.contains("CorruptIndexException")
          || msg.contains("checksum"), "plain words, Lucene's wording only in the cause: " + msg);
      if (problem == IndexFolderException.Problem.DAMAGED
          || problem == IndexFolderException.Problem.OTHER_VERSION) {
        assertTrue(msg.contains("rolematch index"), "says how to rebuild: " + msg);
      }
      if (problem == IndexFolderException.Problem.DAMAGED) {
        assertTrue(msg.contains("backup"), "says a copy can be restored: " + msg);
      }
      return msg;
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("expected an IndexFolderException (" + problem + "), got " + e, e);
    }
  }

  /** Random bytes in files with ordinary names, or with the names of Lucene's index files. */
  static void randomFiles(Path folder, long seed, boolean luceneNames) throws IOException {
    Files.createDirectories(folder);
    Random rnd = new Random(seed);
    for (String name : luceneNames ? List.of("segments_1", "_0.cfs", "_0.cfe", "_0.si")
        : List.of("notes.txt", "photo.jpg", "data.bin")) {
      byte[] b = new byte[100 + rnd.nextInt(5000)];
      rnd.nextBytes(b);
      Files.write(folder.resolve(name), b);
    }
  }

  /** Writes a small real index with the matcher, committed and closed. */
  Path realIndex(String name) throws IOException {
    Path p = dir.resolve(name);
    Generated data = new Generated(Taxonomy.defaults(), 5);
    try (Matcher m = Matcher.builder().directory(p).build()) {
      for (int i = 0; i < 20; i++) {
        m.addRole(data.role("r" + i, 0));
      }
      m.addCandidate(data.profile("c0"));
    }
    return p;
  }

  @Test
  void aFileInsteadOfAFolderIsRefusedByTheBuilder() throws IOException {
    Path f = Files.writeString(dir.resolve("index.txt"), "not a folder");
    try {
      Matcher.builder().directory(f);
      fail("accepted a file as the index folder");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
  }

  @Test
  void aTornSegmentsFileIsAClearError() throws IOException {
    Path index = realIndex("torn");
    Path roles = index.resolve("roles");
    Path segments = latestSegments(roles);
    try (RandomAccessFile raf = new RandomAccessFile(segments.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
    refusedAs(index, roles.toString(), IndexFolderException.Problem.DAMAGED, "is damaged");
  }

  @Test
  void aSegmentsFileOfGarbageIsAClearError() throws IOException {
    Path index = realIndex("garbage");
    Path roles = index.resolve("roles");
    byte[] junk = new byte[600];
    new Random(3).nextBytes(junk);
    Files.write(latestSegments(roles), junk);
    refusedAs(index, roles.toString(), IndexFolderException.Problem.DAMAGED, "is damaged");
  }

  @Test
  void aMissingSegmentFileIsAClearError() throws IOException {
    Path index = realIndex("missing");
    Path candidates = index.resolve("candidates");
    List<String> referenced;
    try (Directory d = FSDirectory.open(candidates)) {
      referenced = new ArrayList<>(SegmentInfos.readLatestCommit(d).files(false));
    }
    referenced.sort(null);
    Files.delete(candidates.resolve(referenced.get(0)));
    refusedAs(index, candidates.toString(), IndexFolderException.Problem.DAMAGED, "is damaged",
        "missing");
  }

  @Test
  void aTruncatedSegmentFileIsAClearError() throws IOException {
    Path index = realIndex("truncated");
    Path roles = index.resolve("roles");
    List<String> referenced;
    try (Directory d = FSDirectory.open(roles)) {
      referenced = new ArrayList<>(SegmentInfos.readLatestCommit(d).files(false));
    }
    for (String f : referenced) {
      if (f.endsWith(".si") || f.endsWith(".cfe")) {
        try (RandomAccessFile raf = new RandomAccessFile(roles.resolve(f).toFile(), "rw")) {
          raf.setLength(raf.length() / 2);
        }
      }
    }
    refusedAs(index, roles.toString(), IndexFolderException.Problem.DAMAGED, "is damaged");
  }

  @Test
  void anIndexOfAnotherFormatVersionIsAClearError() throws IOException {
    Path roles = dir.resolve("future").resolve("roles");
    Files.createDirectories(roles);
    try (Directory d = FSDirectory.open(roles);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new KeywordAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("id", "x", Field.Store.YES));
      w.addDocument(doc);
      w.setLiveCommitData(Map.of("rolematch.format", "99").entrySet());
      w.commit();
    }
    String msg = refusedAs(dir.resolve("future"), roles.toString(),
        IndexFolderException.Problem.OTHER_VERSION, "another version of RoleMatch");
    assertTrue(msg.contains("99"), msg);
  }

  @Test
  void aFolderOfRandomFilesIsRefused() throws IOException {
    Path folder = dir.resolve("random");
    randomFiles(folder, 1, false);
    refusedAs(folder, folder.toString(), IndexFolderException.Problem.NOT_AN_INDEX,
        "is not a RoleMatch index");
    try (Stream<Path> s = Files.list(folder)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("roles")),
          "the refusal must not create an index in the folder");
    }
  }

  @Test
  void anIndexSubFolderOfRandomFilesIsRefused() throws IOException {
    Path folder = dir.resolve("foreign");
    randomFiles(folder.resolve("roles"), 2, false);
    refusedAs(folder, folder.resolve("roles").toString(), IndexFolderException.Problem.NOT_AN_INDEX,
        "is not a RoleMatch index");
  }

  @Test
  void anIndexSubFolderOfFilesNamedLikeLucenesIsAClearError() throws IOException {
    Path folder = dir.resolve("lookalike");
    randomFiles(folder.resolve("roles"), 3, true);
    refusedAs(folder, folder.resolve("roles").toString(), IndexFolderException.Problem.DAMAGED,
        "is damaged");
  }

  @Test
  void anIndexWhoseFirstCommitNeverHappenedIsDamaged() throws IOException {
    Path folder = dir.resolve("unborn");
    Files.createDirectories(folder.resolve("roles"));
    Files.write(folder.resolve("roles").resolve("write.lock"), new byte[0]);
    refusedAs(folder, folder.resolve("roles").toString(), IndexFolderException.Problem.DAMAGED,
        "no complete commit");
  }

  @Test
  void anIndexInUseByAnotherMatcherIsAClearError() throws IOException {
    Path index = realIndex("busy");
    try (Matcher first = Matcher.builder().directory(index).build()) {
      assertEquals(20, first.roleCount());
      refusedAs(index, index.resolve("roles").toString(), IndexFolderException.Problem.LOCKED,
          "is in use", "try again");
    }
    try (Matcher again = Matcher.builder().directory(index).build()) {
      assertEquals(20, again.roleCount(), "the refusal left the index as it was");
    }
  }

  static Path latestSegments(Path index) throws IOException {
    try (Directory d = FSDirectory.open(index)) {
      long gen = SegmentInfos.getLastCommitGeneration(d);
      return index.resolve(SimulatedCrashTest.segmentsName(gen));
    }
  }
}
