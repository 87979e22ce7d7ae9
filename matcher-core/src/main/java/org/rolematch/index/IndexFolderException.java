package org.rolematch.index;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * An index folder on disk that cannot be opened, said in plain words: which folder, what is wrong
 * with it ({@link #problem()}) and what to do. The underlying Lucene exception, with Lucene's own
 * wording, is the {@linkplain #getCause() cause}.
 *
 * <table>
 *   <caption>Problems and what the message advises</caption>
 *   <tr><th>problem</th><th>when</th><th>advice</th></tr>
 *   <tr><td>{@link Problem#DAMAGED}</td><td>a file of the index is missing, cut short or
 *       corrupt</td><td>build the index again into a new or emptied folder, or restore a copy</td></tr>
 *   <tr><td>{@link Problem#OTHER_VERSION}</td><td>written by another version of RoleMatch or
 *       Lucene</td><td>build it again with this version, or use the version that wrote it</td></tr>
 *   <tr><td>{@link Problem#NOT_AN_INDEX}</td><td>the folder holds other files and no
 *       index</td><td>give an empty or new folder, or the folder of an existing index</td></tr>
 *   <tr><td>{@link Problem#LOCKED}</td><td>another process (or another matcher in this one)
 *       has the index open for writing</td><td>close that program and try again</td></tr>
 *   <tr><td>{@link Problem#UNREADABLE}</td><td>the folder cannot be read or written (permissions,
 *       disk errors)</td><td>check the folder and its permissions</td></tr>
 * </table>
 */
public final class IndexFolderException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the folder. */
  public enum Problem {
    /** A file of the index is missing, cut short or corrupt. */
    DAMAGED,
    /** Written by another version of RoleMatch (or of Lucene) than this one reads. */
    OTHER_VERSION,
    /** The folder holds files but no index. */
    NOT_AN_INDEX,
    /** Another process, or another matcher in this one, holds the index's write lock. */
    LOCKED,
    /** The folder cannot be read or written (permissions, disk errors). */
    UNREADABLE
  }

  /** The command that builds an index, for the advice in messages. */
  static final String REBUILD = "'rolematch index --roles POSTINGS --index DIR' on the command"
      + " line, or Matcher.addRoles/addCandidates in code";

  private final transient Path folder;
  private final Problem problem;

  private IndexFolderException(Path folder, Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.folder = folder;
    this.problem = problem;
  }

  /** The folder that could not be opened. */
  public Path folder() {
    return folder;
  }

  /** What is wrong with it. */
  public Problem problem() {
    return problem;
  }

  /** The folder holds files ({@code first} among them) but no index. */
  public static IndexFolderException notAnIndex(Path folder, String first) {
    return new IndexFolderException(folder, Problem.NOT_AN_INDEX, "the folder " + folder
        + " is not a RoleMatch index: it holds files (" + first + ", ...) but no index. Give an"
        + " empty or new folder for a new index, or the folder of an existing index.", null);
  }

  /** Lucene files without a commit: an index whose first commit never completed, or a wreck. */
  static IndexFolderException noCommit(Path folder, String first) {
    return new IndexFolderException(folder, Problem.DAMAGED, "the index folder " + folder
        + " is damaged: it holds index files (" + first + ", ...) but no complete commit (a write"
        + " that never finished, or a partial copy). " + rebuildAdvice(folder), null);
  }

  /** The index records a RoleMatch format this version does not read. */
  static IndexFolderException otherFormat(Path folder, String format, String expected) {
    return new IndexFolderException(folder, Problem.OTHER_VERSION, "the index folder " + folder
        + " was written by another version of RoleMatch (index format " + format + "; this version"
        + " reads format " + expected + "). " + versionAdvice(folder), null);
  }

  /**
   * Explains why opening the index at {@code folder} failed, from the exception Lucene (or the
   * file system) gave; that exception becomes the cause. An {@code IndexFolderException} is
   * returned as it is.
   */
  public static IndexFolderException explain(Path folder, Throwable e) {
    if (e instanceof IndexFolderException ife) {
      return ife;
    }
    Problem p = classify(e);
    String m = switch (p) {
      case LOCKED -> "the index folder " + folder + " is in use: another process (or another"
          + " matcher in this program) has it open for writing. Close the other program or"
          + " matcher and try again.";
      case OTHER_VERSION -> "the index folder " + folder + " was written by another version of"
          + " RoleMatch or of its search library (Lucene) and cannot be read by this one. "
          + versionAdvice(folder);
      case DAMAGED -> "the index folder " + folder + " is damaged: " + what(e) + " (after a crash"
          + " while writing, a full disk or a partial copy). " + rebuildAdvice(folder);
      case NOT_AN_INDEX -> "the folder " + folder + " is not a RoleMatch index. Give an empty or"
          + " new folder for a new index, or the folder of an existing index.";
      case UNREADABLE -> "the index folder " + folder + " cannot be read or written ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Check that it exists and that you may read and"
          + " write it.";
    };
    return new IndexFolderException(folder, p, m, e);
  }

  private static String rebuildAdvice(Path folder) {
    return "Build the index again into a new or emptied folder (" + REBUILD
        + "), or restore " + folder.getFileName() + " from a backup copy.";
  }

  private static String versionAdvice(Path folder) {
    return "Build the index again with this version into a new or emptied folder (" + REBUILD
        + "), or open " + folder.getFileName() + " with the version that wrote it.";
  }

  private static Problem classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LockObtainFailedException) {
        return Problem.LOCKED;
      }
      if (t instanceof IndexFormatTooOldException old && notAHeader(old)) {
        return Problem.DAMAGED;
      }
      if (t instanceof IndexFormatTooOldException || t instanceof IndexFormatTooNewException) {
        return Problem.OTHER_VERSION;
      }
      if (t instanceof IllegalArgumentException) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("codec") || m.contains("spi class")) {
          return Problem.OTHER_VERSION; // a codec this Lucene does not know
        }
      }
      if (t instanceof AccessDeniedException) {
        return Problem.UNREADABLE;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CorruptIndexException || t instanceof EOFException
          || t instanceof NoSuchFileException || t instanceof FileNotFoundException
          || t instanceof IndexNotFoundException) {
        return Problem.DAMAGED;
      }
    }
    // anything else Lucene throws while reading the files (index arithmetic on garbage included)
    return e instanceof IOException && !(e.getClass().getName().startsWith("org.apache.lucene"))
        ? Problem.UNREADABLE : Problem.DAMAGED;
  }

  /**
   * Lucene reports a file that does not start with its codec header (garbage, or an index from
   * before 2014) as "too old" with the header's magic number as the only version allowed.
   */
  private static boolean notAHeader(IndexFormatTooOldException e) {
    return e.getMinVersion() != null && e.getMinVersion().equals(e.getMaxVersion())
        && e.getMinVersion() == CodecUtil.CODEC_MAGIC;
  }

  private static String what(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IndexFormatTooOldException old && notAHeader(old)) {
        return "a file of the index does not start as index files do (garbage in it)";
      }
      if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
        return "a file of the index is missing";
      }
      if (t instanceof EOFException) {
        return "a file of the index is cut short";
      }
    }
    return "a file of the index is cut short or corrupt";
  }
}
