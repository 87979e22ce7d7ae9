package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line given a folder that is not a usable index ({@code --index DIR}): exit 1 with a
 * one-line message that names the folder, and no stack trace. (The library's side is {@code
 * ForeignIndexDirectoryTest} in matcher-core.)
 */
class IndexHardeningTest {
  static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
  static final String POSTINGS = SAMPLES.resolve("postings").toString();
  static final String RESUME = SAMPLES.resolve("resumes/ravi-data-engineer.txt").toString();

  @TempDir Path dir;

  static void refusedCleanly(CliRun r, Path folder) {
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains(folder.toString()), "the message names " + folder + "\n" + r);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"),
        "no stack trace\n" + r);
  }

  /** An index built by the CLI, whose latest segments file is then cut in half. */
  Path tornIndex() throws IOException {
    Path index = dir.resolve("idx");
    CliRun built = CliRun.of("index", "--roles", POSTINGS, "--index", index.toString());
    assertEquals(0, built.code(), built.toString());
    Path roles = index.resolve("roles");
    try (Stream<Path> s = Files.list(roles)) {
      for (Path p : s.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
          raf.setLength(raf.length() / 2);
        }
      }
    }
    return index;
  }

  /** Refused as {@link #refusedCleanly}, saying in plain words what is wrong and what to do. */
  static void refusedSaying(CliRun r, Path folder, String... words) {
    refusedCleanly(r, folder);
    for (String w : words) {
      assertTrue(r.err().contains(w), "the message says '" + w + "'\n" + r);
    }
    assertFalse(r.err().contains("org.apache.lucene") || r.err().contains("checksum"),
        "plain words, not Lucene's\n" + r);
  }

  @Test
  void matchOnATornIndexExitsOneNamingTheFolder() throws IOException {
    Path index = tornIndex();
    refusedSaying(CliRun.of("match", "--index", index.toString(), "--resume", RESUME),
        index.resolve("roles"), "is damaged", "rolematch index", "backup");
  }

  @Test
  void rankAndIndexOnATornIndexExitOneNamingTheFolder() throws IOException {
    Path index = tornIndex();
    refusedSaying(CliRun.of("rank", "--index", index.toString(), "--resumes",
        SAMPLES.resolve("resumes").toString(), "--role", "Data Engineer II"),
        index.resolve("roles"), "is damaged", "rolematch index");
    refusedSaying(CliRun.of("index", "--roles", POSTINGS, "--index", index.toString()),
        index.resolve("roles"), "is damaged", "rolematch index");
  }

  @Test
  void aDamagedPostingCatalogueExitsOneNamingIt() throws IOException {
    Path index = dir.resolve("idx2");
    assertEquals(0, CliRun.of("index", "--roles", POSTINGS, "--index", index.toString()).code());
    Path catalogue = index.resolve("rolematch-postings.json");
    Files.writeString(catalogue, "{\"files\": [1, 2");
    refusedCleanly(CliRun.of("index", "--roles", POSTINGS, "--index", index.toString()), catalogue);
  }

  @Test
  void matchOnAFolderOfRandomFilesExitsOneNamingTheFolder() throws IOException {
    Path folder = dir.resolve("random");
    Files.createDirectories(folder);
    Random rnd = new Random(1);
    for (String name : List.of("notes.txt", "photo.jpg", "data.bin")) {
      byte[] b = new byte[2000];
      rnd.nextBytes(b);
      Files.write(folder.resolve(name), b);
    }
    refusedSaying(CliRun.of("match", "--index", folder.toString(), "--resume", RESUME), folder,
        "no index at", "rolematch index");
    try (Stream<Path> s = Files.list(folder)) {
      assertEquals(3, s.count(), "nothing was created in the foreign folder");
    }
  }

  @Test
  void matchOnAMissingIndexWithoutRolesExitsOne() {
    Path folder = dir.resolve("nowhere");
    refusedCleanly(CliRun.of("match", "--index", folder.toString(), "--resume", RESUME), folder);
  }
}
