package org.rolematch;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rolematch.ingest.ParseException;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;

/**
 * Matches candidates to roles requirement by requirement, both ways, with an explanation of every
 * score. Built by {@link #builder()}; close it when done.
 *
 * <pre>{@code
 * try (Matcher matcher = Matcher.builder().build()) {            // in memory, default taxonomy
 *   matcher.addPosting(Files.readString(Path.of("careers.txt")), "careers");
 *   CandidateProfile me = matcher.addResume("me", Files.readString(Path.of("resume.txt")));
 *   for (MatchResult r : matcher.rankRoles(me, 5)) {
 *     System.out.println(Renderer.text().render(r));
 *   }
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Exact.</b> Rankings equal scoring every role (or candidate) with the exact evaluator:
 *       same ids, scores and order; ties go to the smaller id.
 *   <li><b>Explained.</b> Every {@link MatchResult} has one entry per requirement, and its
 *       contributions add up to its score.
 *   <li><b>Thread-safe.</b> Many threads may rank while others write; writes are serialised and
 *       visible to rankings started after the write returns. Readers never wait for a commit.
 *   <li><b>Durable.</b> With a directory, {@link #commit()} and {@link #close()} persist every
 *       role and candidate; reopening restores them.
 * </ul>
 *
 * <p>Errors: {@link IllegalArgumentException} for bad arguments, {@link IllegalStateException}
 * after close, {@link IOException} from the index, {@link ParseException} for unreadable text.
 */
public interface Matcher extends AutoCloseable {

  /** A builder with the defaults: bundled taxonomy, default policy, in memory. */
  static MatcherBuilder builder() {
    return new MatcherBuilder();
  }

  // roles

  /** Adds a role, replacing any role with the same id. */
  void addRole(Role role) throws IOException;

  /** Adds roles, each replacing any role with its id. */
  void addRoles(Collection<Role> roles) throws IOException;

  /** Replaces the role with this role's id; the same as {@link #addRole(Role)}. */
  void updateRole(Role role) throws IOException;

  /** Removes a role; returns whether it existed. */
  boolean removeRole(String roleId) throws IOException;

  /**
   * Parses a posting page (plain text) and adds its roles, with ids {@code source#1},
   * {@code source#2}, ...; returns them.
   */
  List<Role> addPosting(String text, String source) throws IOException, ParseException;

  /** The role with this id. */
  Optional<Role> role(String roleId) throws IOException;

  /** Number of roles. */
  int roleCount() throws IOException;

  // candidates

  /** Adds a candidate, replacing any candidate with the same id. */
  void addCandidate(CandidateProfile profile) throws IOException;

  /** Adds candidates, each replacing any candidate with its id. */
  void addCandidates(Collection<CandidateProfile> profiles) throws IOException;

  /** Replaces the candidate with this profile's id; the same as {@link #addCandidate}. */
  void updateCandidate(CandidateProfile profile) throws IOException;

  /** Removes a candidate; returns whether it existed. */
  boolean removeCandidate(String candidateId) throws IOException;

  /** Parses a plain-text resume into a profile with this id, adds it and returns it. */
  CandidateProfile addResume(String candidateId, String text) throws IOException, ParseException;

  /** Parses a plain-text resume into a profile with this id, without adding it. */
  CandidateProfile parseResume(String candidateId, String text) throws ParseException;

  /** The candidate with this id. */
  Optional<CandidateProfile> candidate(String candidateId) throws IOException;

  /** Number of candidates. */
  int candidateCount() throws IOException;

  // matching

  /** The best {@code k} roles for a profile (which need not be added), best first. */
  default List<MatchResult> rankRoles(CandidateProfile profile, int k) throws IOException {
    return rankRoles(profile, k, RoleFilter.ALL);
  }

  /** The best {@code k} roles the filter accepts for a profile, best first. */
  List<MatchResult> rankRoles(CandidateProfile profile, int k, RoleFilter filter)
      throws IOException;

  /** The best {@code k} candidates for an added role, best first. */
  default List<MatchResult> rankCandidates(String roleId, int k) throws IOException {
    return rankCandidates(roleId, k, CandidateFilter.ALL);
  }

  /**
   * The best {@code k} candidates the filter accepts for an added role, best first.
   *
   * @throws IllegalArgumentException if no role has this id
   */
  List<MatchResult> rankCandidates(String roleId, int k, CandidateFilter filter)
      throws IOException;

  /** The best {@code k} candidates for a role (which need not be added), best first. */
  List<MatchResult> rankCandidates(Role role, int k, CandidateFilter filter) throws IOException;

  /** How well a profile matches a role, requirement by requirement (neither need be added). */
  MatchResult explain(Role role, CandidateProfile profile);

  /**
   * The explanation for an added role and an added candidate: equal to {@link #explain(Role,
   * CandidateProfile)} of their records, read with the compiled forms the indexes hold (so
   * neither is compiled again). Each thread keeps what it opened to find ids in the current
   * index snapshot until the next write.
   *
   * @throws IllegalArgumentException if either id is unknown
   */
  MatchResult explain(String roleId, String candidateId) throws IOException;

  /** Persists every change (a no-op for content of an in-memory matcher). */
  void commit() throws IOException;

  /** Commits and releases the indexes. */
  @Override
  void close() throws IOException;
}
