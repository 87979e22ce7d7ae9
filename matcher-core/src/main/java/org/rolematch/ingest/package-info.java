/**
 * Reading postings and resumes: {@link org.rolematch.ingest.PostingParser} (plain-text pages with
 * several roles, schema.org JobPosting JSON-LD, saved HTML), {@link
 * org.rolematch.ingest.PostingJson} (roles to and from the exchange JSON), the resume parsers, and
 * {@link org.rolematch.ingest.ProxyLint} (wording that can proxy for a protected attribute).
 *
 * <ol>
 *   <li>{@code PostingParser parser = PostingParser.of(Taxonomy.defaults());}
 *   <li>{@code ParsedPosting page = parser.parse(Path.of("careers.txt"));}
 *   <li>{@code page.roles()}, {@code page.notes()} (what could not be read) and {@code
 *       page.warnings()}.
 * </ol>
 *
 * <p>Invariants: parsers take untrusted text; over-size, binary or malformed input gets a {@link
 * org.rolematch.ingest.ParseException} naming the source and line; no regular expression runs
 * over input text; parsers are thread-safe.
 */
package org.rolematch.ingest;
