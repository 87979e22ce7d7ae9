package org.rolematch.hardening;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rolematch.Matcher;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

/**
 * The child process of {@link KillNineCrashTest}: writes roles through an on-disk {@link Matcher}
 * in numbered commits, forever, until it is killed.
 *
 * <p>Commit {@code j} adds roles {@code c<j>-0 .. c<j>-<B-1>}, replaces {@code c<j-1>-0} with a new
 * version, deletes {@code c<j-2>-1}, and updates the marker role {@code marker}, whose title is
 * {@code commit <j>}; then it commits and prints {@code COMMITTED <j>}. Between commits it adds
 * roles that are never committed ({@code pending-...}), so a kill finds uncommitted segments on
 * disk. {@link #expected(Generated, int)} replays the same operations, so the test knows exactly
 * which roles commit {@code j} holds.
 *
 * <p>Arguments: the index folder and the seed of the records.
 */
public final class CrashChild {
  static final int BATCH = 12;
  static final String MARKER = "marker";

  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    Generated data = new Generated(Taxonomy.defaults(), seed);
    PrintStream out = System.out;
    try (Matcher m = Matcher.builder().directory(dir).maxBufferedDocs(8).build()) {
      int j = m.role(MARKER).map(r -> Integer.parseInt(r.title().substring("commit ".length())))
          .orElse(0);
      out.println("READY " + j);
      out.flush();
      while (true) {
        j++;
        // uncommitted work first: flushed to disk by the near-real-time refresh, never committed
        List<Role> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          pending.add(data.role("pending-" + j + "-" + i, 0));
        }
        m.addRoles(pending);
        for (Role r : pending) {
          m.removeRole(r.id());
        }
        for (Map.Entry<String, Role> e : operations(data, j).entrySet()) {
          if (e.getValue() == null) {
            m.removeRole(e.getKey());
          } else {
            m.addRole(e.getValue());
          }
        }
        m.commit();
        out.println("COMMITTED " + j);
        out.flush();
      }
    }
  }

  /** The writes of commit {@code j}: role id to the new role, or to null for a delete. */
  static Map<String, Role> operations(Generated data, int j) {
    Map<String, Role> ops = new LinkedHashMap<>();
    for (int i = 0; i < BATCH; i++) {
      String id = "c" + j + "-" + i;
      ops.put(id, data.role(id, 0));
    }
    if (j >= 2) {
      String id = "c" + (j - 1) + "-0";
      ops.put(id, data.role(id, 1));
    }
    if (j >= 3) {
      ops.put("c" + (j - 2) + "-1", null);
    }
    ops.put(MARKER, marker(j));
    return ops;
  }

  static Role marker(int j) {
    return new Role(MARKER, "commit " + j, "", EmploymentType.UNKNOWN, List.of(), Optional.empty(),
        List.of(), "");
  }

  /** Every role after commit {@code j}, by id. */
  static Map<String, Role> expected(Generated data, int j) {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int c = 1; c <= j; c++) {
      for (Map.Entry<String, Role> e : operations(data, c).entrySet()) {
        if (e.getValue() == null) {
          roles.remove(e.getKey());
        } else {
          roles.put(e.getKey(), e.getValue());
        }
      }
    }
    return roles;
  }
}
