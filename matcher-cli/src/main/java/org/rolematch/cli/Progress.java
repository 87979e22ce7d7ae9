package org.rolematch.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * A progress bar on standard error, shown only when it is a terminal: piped or redirected output
 * stays quiet. Redraws at most every 100 ms and on the last step.
 */
final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final String what;
  private final int total;
  private final boolean show;
  private int done;
  private long lastDraw;

  Progress(PrintWriter err, String what, int total) {
    this(err, what, total, interactive());
  }

  Progress(PrintWriter err, String what, int total, boolean show) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.show = show && total > 1;
  }

  /** Whether standard error goes to a terminal (a console that is a terminal, JDK 22+ aware). */
  static boolean interactive() {
    java.io.Console c = System.console();
    if (c == null || System.getenv("CI") != null) {
      return false;
    }
    try {
      Method m = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a non-null console is a terminal
    }
  }

  void step() {
    done++;
    if (!show) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = (int) ((long) width * done / total);
    err.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d", what, "#".repeat(filled),
        " ".repeat(width - filled), done, total));
    err.flush();
  }

  @Override
  public void close() {
    if (show && done > 0) {
      err.print("\r" + " ".repeat(what.length() + 50) + "\r");
      err.flush();
    }
  }
}
