package org.rolematch.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rolematch.model.Role;

/**
 * What a posting parser read from one document: its roles, and notes on what it could not read
 * (why a page gave no roles, a part that was skipped).
 *
 * @param source the document's name
 * @param roles the roles, in page order
 * @param notes plain-language notes for a person; empty when all went well
 * @param warnings wording that can proxy for a protected attribute ({@link ProxyLint})
 */
public record ParsedPosting(
    String source, List<Role> roles, List<String> notes, List<ProxyLint.Warning> warnings) {
  public ParsedPosting {
    requireNonNull(source, "source");
    roles = List.copyOf(requireNonNull(roles, "roles"));
    notes = List.copyOf(requireNonNull(notes, "notes"));
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
  }

  /** A result without lint warnings. */
  public ParsedPosting(String source, List<Role> roles, List<String> notes) {
    this(source, roles, notes, List.of());
  }
}
