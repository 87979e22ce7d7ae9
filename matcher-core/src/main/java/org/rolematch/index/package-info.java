/**
 * The Lucene indexes: {@link org.rolematch.index.RoleIndex} (roles, searched with a candidate)
 * and {@link org.rolematch.index.CandidateIndex} (profiles, searched with a role). The only
 * package that touches Lucene's index and search APIs.
 *
 * <h2>Use it in three steps</h2>
 *
 * <ol>
 *   <li>Open an index with a {@link org.rolematch.score.ClauseEvaluator} ({@code null} path: in
 *       memory; a path: on disk).
 *   <li>Add, replace ({@code add} with an existing id) and delete records; each write is visible
 *       to searches when it returns.
 *   <li>Rank: {@code rankRoles(profile, k, filter)} / {@code rankCandidates(role, k, filter)}.
 * </ol>
 *
 * <h2>The index contract</h2>
 *
 * <p>One Lucene document per role (or profile); field names are constants of {@code
 * IndexFields}:
 *
 * <table>
 *   <caption>fields</caption>
 *   <tr><th>field</th><th>type</th><th>role documents</th><th>profile documents</th></tr>
 *   <tr><td>{@code id}</td><td>StringField</td><td colspan="2">the record id; the key of
 *       updates and deletes</td></tr>
 *   <tr><td>{@code record}</td><td>StoredField (binary)</td><td>- (format 1: the whole
 *       role)</td><td>the whole profile, versioned binary ({@code RecordCodec}), read on
 *       reopen</td></tr>
 *   <tr><td>{@code record_dv}</td><td>BinaryDocValues</td><td>the role without its source
 *       text: with {@code source}, the whole role; read to build results and on
 *       reopen</td><td>the whole profile</td></tr>
 *   <tr><td>{@code source}</td><td>StoredField (string)</td><td>the role's source text, when it
 *       has one</td><td>-</td></tr>
 *   <tr><td>{@code compiled}</td><td>BinaryDocValues</td><td colspan="2">the compiled form
 *       ({@code CompiledCodec}: taxonomy ordinals), read by exact scoring</td></tr>
 *   <tr><td>{@code employment_type}</td><td>StringField</td><td>wire name</td><td>-</td></tr>
 *   <tr><td>{@code concept}</td><td>StringField</td><td>-</td>
 *       <td>concept ids closed under ancestors, and unknown ids</td></tr>
 *   <tr><td>{@code field}, {@code field_state}, {@code degree}, {@code years}
 *       (DoublePoint), {@code place}, {@code place_near}, {@code flag}</td><td></td><td>-</td><td>what the role
 *       query of {@code CandidateIndex} matches: degree fields closed under ancestors, {@code known}/{@code empty} field states, {@code
 *       level/status} degree states, years, places closed under ancestors, the metro area of the candidate's city, and the flags {@code
 *       publication}, {@code internship}, {@code auth}, {@code auth_silent}, {@code
 *       loc_silent}</td></tr>
 * </table>
 *
 * <p>Each commit records the fingerprint of the taxonomy the compiled forms were built with
 * ({@code rolematch.taxonomy}) and the format version ({@code rolematch.format}, 2; format 1
 * kept each role whole in {@code record}, and its role documents are still read as such).
 * Opening an index with another taxonomy recompiles every record from the whole records; an
 * unknown format version is refused with an {@link java.io.IOException}.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li><b>Exact.</b> Both searches return what exhaustive exact scoring returns: same ids,
 *       scores and order (score descending, id ascending). They bound each score from above,
 *       score exactly in bound order, and stop when no bound can reach the k-th exact score.
 *   <li><b>Per-segment structures.</b> The roles-for-candidate structure ({@code RoleSegment},
 *       whose class comment is the design note) is built when a segment first appears and cached
 *       by the segment core, so it follows merges and NRT reopens; deleted documents are skipped
 *       through live docs.
 *   <li><b>Threads.</b> Indexes are thread-safe: writes are serialised, reads take the current
 *       near-real-time searcher and never wait for a commit.
 * </ul>
 */
package org.rolematch.index;
