package org.rolematch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's own sample postings and resumes, bundled in the command's jar for {@code demo}. */
final class Samples {
  static final String ROOT = "/org/rolematch/cli/samples/";

  /** A bundled sample file: its name and text. */
  record Sample(String name, String text) {}

  private Samples() {}

  static List<Sample> list(String folder) throws IOException {
    URL url = Samples.class.getResource(ROOT + folder);
    if (url == null) {
      throw new IOException("the bundled samples '" + folder + "' are missing from the jar; rebuild it");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return read(fs.getPath(ROOT + folder));
      }
      return read(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IOException("bad sample location " + url, e);
    }
  }

  private static List<Sample> read(Path dir) throws IOException {
    List<Sample> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          out.add(new Sample(p.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    return out;
  }
}
