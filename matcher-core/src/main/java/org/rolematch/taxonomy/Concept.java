package org.rolematch.taxonomy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.rolematch.model.Kind;

/**
 * A concept of the taxonomy: a thing a requirement can ask for and a profile can hold.
 *
 * @param id canonical lower-case name, unique in its taxonomy ({@code "pytorch"})
 * @param kind the concept's primary kind
 * @param alsoKinds further kinds it can play ("machine learning" is a research area and a field)
 * @param aliases spellings matched case-insensitively as whole words
 * @param ambiguousAliases spellings that are ordinary words or single letters ("Go", "R",
 *     "Excel"): matched only with exactly this capitalisation and in context
 * @param broader ids of the concepts directly broader than this one
 */
public record Concept(
    String id,
    Kind kind,
    List<Kind> alsoKinds,
    List<String> aliases,
    List<String> ambiguousAliases,
    List<String> broader) {

  public Concept {
    requireNonNull(id, "id");
    if (id.isBlank() || !id.equals(id.strip().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "concept id must be non-blank, trimmed and lower-case, got '" + id + "'");
    }
    requireNonNull(kind, "kind");
    alsoKinds = List.copyOf(requireNonNull(alsoKinds, "alsoKinds"));
    aliases = List.copyOf(requireNonNull(aliases, "aliases"));
    ambiguousAliases = List.copyOf(requireNonNull(ambiguousAliases, "ambiguousAliases"));
    broader = List.copyOf(requireNonNull(broader, "broader"));
    if (broader.contains(id)) {
      throw new IllegalArgumentException("concept '" + id + "' lists itself as broader");
    }
  }

  /** A concept with no aliases and no broader concepts. */
  public static Concept of(String id, Kind kind) {
    return new Concept(id, kind, List.of(), List.of(), List.of(), List.of());
  }

  /** Whether the concept can play the kind, as its primary kind or one of its other kinds. */
  public boolean hasKind(Kind k) {
    return kind == k || alsoKinds.contains(k);
  }
}
