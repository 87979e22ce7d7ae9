package org.rolematch.taxonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rolematch.ingest.JsonLimits;
import org.rolematch.ingest.ParseLimits;
import org.rolematch.model.Kind;

/**
 * Reads the taxonomy file format:
 *
 * <pre>{@code
 * {"format": "rolematch-taxonomy", "version": 1,
 *  "concepts": [
 *    {"id": "pytorch", "kind": "ml_framework", "aliases": ["PyTorch", "torch"],
 *     "broader": ["deep learning framework"]},
 *    {"id": "go", "kind": "programming_language", "aliases": ["Golang"],
 *     "ambiguousAliases": ["Go"]}]}
 * }</pre>
 *
 * <p>Limits: those of {@link ParseLimits} (default: {@link ParseLimits#maxCollectionBytes()} 32 MiB,
 * nesting {@link ParseLimits#maxJsonDepth()} 64, {@link ParseLimits#maxItems()} 200,000
 * concepts); over one, a {@link TaxonomyException} names the file, the limit, its value and how to
 * raise it. Unknown fields of a concept are an error, so that a misspelt field is not silently
 * ignored.
 */
final class TaxonomyReader {
  private static final Set<String> FIELDS =
      Set.of("id", "kind", "alsoKinds", "aliases", "ambiguousAliases", "broader", "note");

  private TaxonomyReader() {}

  static Taxonomy read(InputStream in, String source) throws IOException {
    return Taxonomy.of(concepts(in, source, ParseLimits.defaults()), source);
  }

  static Taxonomy read(InputStream in, String source, ParseLimits limits) throws IOException {
    return Taxonomy.of(concepts(in, source, limits), source);
  }

  /** The concepts of a file, checked one by one but not yet as a whole taxonomy. */
  static List<Concept> concepts(InputStream in, String source, ParseLimits limits)
      throws IOException {
    int max = limits.maxCollectionBytes();
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new TaxonomyException(source, limits.overLimit(ParseLimits.Limit.COLLECTION_BYTES,
          "the file has more than " + max + " bytes"));
    }
    if (bytes.length == 0) {
      throw new TaxonomyException(source, "the file is empty; expected a JSON object");
    }
    JsonNode root;
    try {
      root = JsonLimits.mapper(limits, ParseLimits.Limit.COLLECTION_BYTES).readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw new TaxonomyException(source,
          JsonLimits.message(e, limits, ParseLimits.Limit.COLLECTION_BYTES), e);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw new TaxonomyException(source, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      // reading from bytes fails only on content: Jackson took the bytes for UTF-16 or UTF-32
      // and found a character it cannot decode (java.io.CharConversionException)
      throw new TaxonomyException(source, "not valid JSON text (expected UTF-8): " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new TaxonomyException(source, "expected a JSON object at the top level");
    }
    JsonNode format = root.get("format");
    if (format != null && !"rolematch-taxonomy".equals(format.asText())) {
      throw new TaxonomyException(
          source, "format is '" + format.asText() + "', expected 'rolematch-taxonomy'");
    }
    JsonNode version = root.get("version");
    if (version != null && version.asInt(-1) != 1) {
      throw new TaxonomyException(
          source, "version " + version + " is not supported; this reader reads version 1");
    }
    JsonNode list = root.get("concepts");
    if (list == null || !list.isArray()) {
      throw new TaxonomyException(source, "expected an array field 'concepts'");
    }
    if (list.size() > limits.maxItems()) {
      throw new TaxonomyException(source, limits.overLimit(ParseLimits.Limit.ITEMS,
          "the file holds " + list.size() + " concepts"));
    }
    List<Concept> concepts = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      concepts.add(concept(list.get(i), i, source));
    }
    return concepts;
  }

  private static Concept concept(JsonNode node, int index, String source) {
    String where = "concepts[" + index + "]";
    if (!node.isObject()) {
      throw new TaxonomyException(source, where + " is not an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String f = it.next().getKey();
      if (!FIELDS.contains(f)) {
        throw new TaxonomyException(
            source, where + " has unknown field '" + f + "'; known fields: " + FIELDS);
      }
    }
    String id = text(node, "id", where, source);
    where = where + " ('" + id + "')";
    if (!id.equals(id.strip().toLowerCase(Locale.ROOT)) || id.isBlank()) {
      throw new TaxonomyException(source, where + ": id must be lower-case and trimmed");
    }
    Kind kind = kind(text(node, "kind", where, source), where, source);
    List<Kind> also = new ArrayList<>();
    for (String k : strings(node, "alsoKinds", where, source)) {
      also.add(kind(k, where, source));
    }
    try {
      return new Concept(
          id,
          kind,
          also,
          strings(node, "aliases", where, source),
          strings(node, "ambiguousAliases", where, source),
          strings(node, "broader", where, source));
    } catch (IllegalArgumentException e) {
      // the record's own checks ("lists itself as broader"): report them with the file and index
      throw new TaxonomyException(source, where + ": " + e.getMessage(), e);
    }
  }

  private static Kind kind(String s, String where, String source) {
    try {
      return Kind.fromWire(s);
    } catch (IllegalArgumentException e) {
      throw new TaxonomyException(
          source, where + ": unknown kind '" + s + "'; expected one of " + Taxonomy.kindNames(), e);
    }
  }

  private static String text(JsonNode node, String field, String where, String source) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new TaxonomyException(source, where + ": field '" + field + "' must be a string");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node, String field, String where, String source) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new TaxonomyException(
          source, where + ": field '" + field + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isBlank()) {
        throw new TaxonomyException(
            source, where + ": field '" + field + "' holds " + e + ", expected non-blank strings");
      }
      out.add(e.asText().strip());
    }
    return out;
  }
}
