package org.rolematch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rolematch.index.CandidateIndex;
import org.rolematch.index.IndexFolderException;
import org.rolematch.index.RoleIndex;
import org.rolematch.index.Scorable;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParseLimits;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoreSheet;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/** The {@link Matcher} over a {@link RoleIndex} and a {@link CandidateIndex}. */
final class DefaultMatcher implements Matcher {
  private final Scorer scorer;
  private final RoleIndex roles;
  private final CandidateIndex candidates;
  private final PostingParser postings;
  private final ResumeParser resumes;
  private volatile boolean closed;

  DefaultMatcher(Taxonomy taxonomy, ScoringPolicy policy, Path dir, LocalDate clock,
      int maxBufferedDocs, ParseLimits limits) throws IOException {
    ClauseEvaluator eval = ClauseEvaluator.of(taxonomy, policy);
    this.scorer = Scorer.of(eval);
    if (dir != null) {
      refuseForeignFolder(dir);
    }
    Path roleDir = dir == null ? null : dir.resolve("roles");
    Path candidateDir = dir == null ? null : dir.resolve("candidates");
    try {
      this.roles = RoleIndex.open(roleDir, eval, maxBufferedDocs);
    } catch (IOException e) {
      throw roleDir == null ? e : IndexFolderException.explain(roleDir, e);
    }
    CandidateIndex c;
    try {
      c = CandidateIndex.open(candidateDir, eval, maxBufferedDocs);
    } catch (IOException e) {
      roles.close();
      throw candidateDir == null ? e : IndexFolderException.explain(candidateDir, e);
    } catch (RuntimeException e) {
      roles.close();
      throw e;
    }
    this.candidates = c;
    this.postings = PostingParser.of(taxonomy).withLimits(limits);
    this.resumes = ResumeParser.builder().taxonomy(taxonomy).asOf(clock).limits(limits).build();
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("the matcher is closed");
    }
  }

  private static int checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    return k;
  }

  @Override
  public void addRole(Role role) throws IOException {
    open();
    roles.add(requireNonNull(role, "role"));
  }

  @Override
  public void addRoles(Collection<Role> rs) throws IOException {
    open();
    roles.addAll(requireNonNull(rs, "roles"));
  }

  @Override
  public void updateRole(Role role) throws IOException {
    addRole(role);
  }

  @Override
  public boolean removeRole(String roleId) throws IOException {
    open();
    return roles.delete(requireNonNull(roleId, "roleId"));
  }

  @Override
  public List<Role> addPosting(String text, String source) throws IOException, ParseException {
    open();
    requireNonNull(text, "text");
    requireNonNull(source, "source");
    ParsedPosting page = postings.parse(text, source);
    List<Role> out = new ArrayList<>(page.roles());
    roles.addAll(out);
    return out;
  }

  @Override
  public Optional<Role> role(String roleId) throws IOException {
    open();
    return roles.get(requireNonNull(roleId, "roleId"));
  }

  @Override
  public int roleCount() throws IOException {
    open();
    return roles.size();
  }

  @Override
  public void addCandidate(CandidateProfile profile) throws IOException {
    open();
    candidates.add(requireNonNull(profile, "profile"));
  }

  @Override
  public void addCandidates(Collection<CandidateProfile> profiles) throws IOException {
    open();
    candidates.addAll(requireNonNull(profiles, "profiles"));
  }

  @Override
  public void updateCandidate(CandidateProfile profile) throws IOException {
    addCandidate(profile);
  }

  @Override
  public boolean removeCandidate(String candidateId) throws IOException {
    open();
    return candidates.delete(requireNonNull(candidateId, "candidateId"));
  }

  @Override
  public CandidateProfile addResume(String candidateId, String text)
      throws IOException, ParseException {
    CandidateProfile p = parseResume(candidateId, text);
    candidates.add(p);
    return p;
  }

  @Override
  public CandidateProfile parseResume(String candidateId, String text) throws ParseException {
    open();
    requireNonNull(candidateId, "candidateId");
    requireNonNull(text, "text");
    return resumes.parse(candidateId, text);
  }

  @Override
  public Optional<CandidateProfile> candidate(String candidateId) throws IOException {
    open();
    return candidates.get(requireNonNull(candidateId, "candidateId"));
  }

  @Override
  public int candidateCount() throws IOException {
    open();
    return candidates.size();
  }

  @Override
  public List<MatchResult> rankRoles(CandidateProfile profile, int k, RoleFilter filter)
      throws IOException {
    open();
    requireNonNull(profile, "profile");
    requireNonNull(filter, "filter");
    checkK(k);
    return roles.rankRoles(profile, k, filter == RoleFilter.ALL ? RoleIndex.ALL : filter::accept);
  }

  @Override
  public List<MatchResult> rankCandidates(String roleId, int k, CandidateFilter filter)
      throws IOException {
    open();
    requireNonNull(roleId, "roleId");
    Role role = roles.get(roleId).orElseThrow(() -> new IllegalArgumentException(
        "no role has the id '" + roleId + "'; add it first or pass the Role itself"));
    return rankCandidates(role, k, filter);
  }

  @Override
  public List<MatchResult> rankCandidates(Role role, int k, CandidateFilter filter)
      throws IOException {
    open();
    requireNonNull(role, "role");
    requireNonNull(filter, "filter");
    checkK(k);
    return candidates.rankCandidates(role, k,
        filter == CandidateFilter.ALL ? CandidateIndex.ALL : filter::accept);
  }

  @Override
  public MatchResult explain(Role role, CandidateProfile profile) {
    open();
    return scorer.score(requireNonNull(role, "role"), requireNonNull(profile, "profile"));
  }

  @Override
  public MatchResult explain(String roleId, String candidateId) throws IOException {
    open();
    // the scoring records (no source text: an explanation does not use it) and the compiled
    // forms the searches score, from doc values: compiling both again would cost more
    Scorable<Role, CompiledRole> r = roles.scorable(requireNonNull(roleId, "roleId"))
        .orElseThrow(() -> new IllegalArgumentException("no role has the id '" + roleId + "'"));
    Scorable<CandidateProfile, CompiledProfile> p = candidates.scorable(
        requireNonNull(candidateId, "candidateId")).orElseThrow(
            () -> new IllegalArgumentException("no candidate has the id '" + candidateId + "'"));
    MatchResult m = scorer.score(r.record(), r.compiled(), p.record(), p.compiled(),
        new ScoreSheet());
    assert m.equals(scorer.score(r.record(), p.record()))
        : "the pair scores differently from its records than from its compiled forms";
    return m;
  }

  @Override
  public void commit() throws IOException {
    open();
    roles.commit();
    candidates.commit();
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      roles.close();
    } finally {
      candidates.close();
    }
  }

  /**
   * A folder that holds files but no RoleMatch index (no {@code roles} or {@code candidates}
   * sub-folder) is someone else's: refuse it rather than create an index among its files.
   */
  private static void refuseForeignFolder(Path dir) throws IOException {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return;
    }
    if (java.nio.file.Files.isDirectory(dir.resolve("roles"))
        || java.nio.file.Files.isDirectory(dir.resolve("candidates"))) {
      return;
    }
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
      java.util.Optional<Path> first = s.sorted().findFirst();
      if (first.isPresent()) {
        throw IndexFolderException.notAnIndex(dir, first.get().getFileName().toString());
      }
    }
  }
}
