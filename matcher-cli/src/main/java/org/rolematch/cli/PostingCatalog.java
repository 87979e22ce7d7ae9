package org.rolematch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rolematch.Matcher;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingParser;
import org.rolematch.model.Role;

/**
 * Loads postings into a matcher, incrementally when the index is on disk: a catalogue file
 * beside the index ({@value #FILE}) remembers, per posting file, its content hash and the ids of
 * its roles, so a re-run reads only new or changed files and removes the roles of files that are
 * gone from the folders given. Role ids are made unique across files by prefixing the file stem.
 */
final class PostingCatalog {
  static final String FILE = "rolematch-postings.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What a load did. */
  record Counts(int files, int read, int unchanged, int removed, int failed, int roles, List<String> roleIds) {}

  /** Ids of the roles the catalogue of an index folder lists (empty when there is none). */
  static List<String> roleIds(Path indexDir) throws IOException {
    List<String> ids = new ArrayList<>();
    for (Entry e : read(indexDir).values()) {
      ids.addAll(e.roles);
    }
    return ids;
  }

  private PostingCatalog() {}

  static Counts load(Matcher matcher, PostingParser parser, List<Path> paths, Path indexDir,
      PrintWriter err) throws IOException {
    List<Path> files = Inputs.expand(paths, ".txt", ".json", ".jsonld", ".html", ".htm");
    Map<String, Entry> known = indexDir == null ? new LinkedHashMap<>() : read(indexDir);
    Map<String, Entry> next = new LinkedHashMap<>(known);
    int read = 0;
    int unchanged = 0;
    int failed = 0;
    int removed = 0;
    try (Progress progress = new Progress(err, "indexing postings", files.size())) {
      for (Path f : files) {
        progress.step();
        String key = f.toAbsolutePath().normalize().toString();
        byte[] bytes = Files.readAllBytes(f);
        String hash = sha256(bytes);
        Entry old = known.get(key);
        if (old != null && old.hash.equals(hash)) {
          unchanged++;
          continue;
        }
        ParsedPosting p;
        try {
          p = parser.parse(f);
        } catch (ParseException e) {
          err.println("rolematch: " + e.getMessage());
          failed++;
          continue;
        }
        if (old != null) {
          for (String id : old.roles) {
            matcher.removeRole(id);
          }
        }
        List<String> ids = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        String stem = Inputs.stem(f);
        for (Role r : p.roles()) {
          Role unique = r.id().startsWith(stem + "#") ? r : r.withId(stem + "#" + r.id());
          roles.add(unique);
          ids.add(unique.id());
        }
        matcher.addRoles(roles);
        next.put(key, new Entry(hash, ids));
        read++;
      }
    }
    if (indexDir != null) {
      // a file that was read from one of the given folders before and is gone now: drop its roles
      for (Map.Entry<String, Entry> e : known.entrySet()) {
        Path p = Path.of(e.getKey());
        boolean underGivenFolder = paths.stream().anyMatch(
            g -> Files.isDirectory(g) && p.startsWith(g.toAbsolutePath().normalize()));
        if (underGivenFolder && !Files.exists(p)) {
          for (String id : e.getValue().roles) {
            matcher.removeRole(id);
          }
          next.remove(e.getKey());
          removed++;
        }
      }
      matcher.commit();
      write(indexDir, next);
    }
    List<String> ids = new ArrayList<>();
    for (Entry e : next.values()) {
      ids.addAll(e.roles);
    }
    return new Counts(files.size(), read, unchanged, removed, failed, matcher.roleCount(), ids);
  }

  private record Entry(String hash, List<String> roles) {}

  private static Map<String, Entry> read(Path dir) throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return out;
    }
    JsonNode root;
    try {
      root = JSON.readTree(f.toFile());
    } catch (IOException e) {
      throw new IOException("the posting catalogue " + f + " is damaged (" + e.getMessage()
          + "); delete it to re-read every posting", e);
    }
    root.path("files").fields().forEachRemaining(e -> {
      List<String> roles = new ArrayList<>();
      e.getValue().path("roles").forEach(r -> roles.add(r.asText()));
      out.put(e.getKey(), new Entry(e.getValue().path("sha256").asText(), roles));
    });
    return out;
  }

  private static void write(Path dir, Map<String, Entry> entries) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "rolematch-postings/1");
    ObjectNode files = root.putObject("files");
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      ObjectNode o = files.putObject(e.getKey());
      o.put("sha256", e.getValue().hash);
      e.getValue().roles.forEach(o.putArray("roles")::add);
    }
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), root);
    try {
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
