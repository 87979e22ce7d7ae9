package org.rolematch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands command-line paths (files or folders) into the files to read, in a stable order. */
final class Inputs {
  private Inputs() {}

  static List<Path> expand(List<Path> paths, String... extensions) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> hasExtension(f, extensions))
              .sorted()
              .forEach(out::add);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new IOException("no such file or folder: " + p);
      }
    }
    return out;
  }

  static boolean hasExtension(Path f, String... extensions) {
    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (name.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  static String stem(Path f) {
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
