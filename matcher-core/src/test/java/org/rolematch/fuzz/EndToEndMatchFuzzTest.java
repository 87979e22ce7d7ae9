package org.rolematch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.rolematch.CandidateFilter;
import org.rolematch.Matcher;
import org.rolematch.explain.Renderer;
import org.rolematch.ingest.ParseException;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.score.MatchResult;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Fuzzes the whole path: a posting and a resume from fuzzed text, parsed, indexed and matched
 * both ways. Checks that every result has a score in 0..100, one entry per requirement and
 * contributions that add up to the score; that the index's ranking equals exhaustive exact
 * scoring; that {@code explain} agrees with the ranking; and that every renderer renders.
 *
 * <p>Input: the posting text, then a line {@code =====}, then the resume text (without the
 * separator, the same text is read as both). Saved inputs: {@code
 * src/test/resources/org/rolematch/fuzz/EndToEndMatchFuzzTestInputs/}.
 */
class EndToEndMatchFuzzTest {
  private static final byte[] SEPARATOR = "\n=====\n".getBytes(StandardCharsets.US_ASCII);
  private static final Matcher MATCHER;
  private static final Scorer REFERENCE =
      Scorer.of(Taxonomy.defaults(), ScoringPolicy.defaults());
  /** A profile to match with when the fuzzed resume is refused. */
  private static final CandidateProfile FALLBACK = new CandidateProfile("fallback",
      List.of(new Degree(DegreeLevel.BACHELOR, "computer science", DegreeStatus.COMPLETED,
          OptionalInt.of(2020), Evidence.NONE)),
      List.of(), 4, 0, 1, List.of(),
      List.of(Skill.of("python", Kind.PROGRAMMING_LANGUAGE), Skill.of("sql", Kind.DATA_TECHNOLOGY)),
      Optional.empty(), List.of());

  static {
    try {
      MATCHER = Matcher.builder().resumeClock(LocalDate.of(2025, 7, 1)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "3m")
  void parsedPostingAndResumeMatchWithExplanationsThatAddUp(byte[] input) throws IOException {
    int cut = indexOf(input, SEPARATOR);
    String posting = new String(input, 0, cut < 0 ? input.length : cut, StandardCharsets.UTF_8);
    String resume = cut < 0 ? posting : new String(input, cut + SEPARATOR.length,
        input.length - cut - SEPARATOR.length, StandardCharsets.UTF_8);
    List<Role> roles;
    try {
      roles = MATCHER.addPosting(posting, "fuzz");
    } catch (ParseException e) {
      FuzzChecks.refusal(e, "fuzz");
      return;
    }
    try {
      CandidateProfile profile;
      try {
        profile = MATCHER.parseResume("candidate", resume);
        FuzzChecks.profile(profile, resume.length());
      } catch (ParseException e) {
        FuzzChecks.refusal(e, "candidate");
        profile = FALLBACK;
      }
      List<MatchResult> ranked = MATCHER.rankRoles(profile, 5);
      List<MatchResult> expected = REFERENCE.rankRoles(roles, profile, 5, r -> true);
      assertEquals(ids(expected), ids(ranked), "the index ranks as exhaustive scoring does");
      for (int i = 0; i < ranked.size(); i++) {
        assertEquals(expected.get(i).score(), ranked.get(i).score(), 0.0);
      }
      for (Role role : roles) {
        MatchResult m = MATCHER.explain(role, profile);
        FuzzChecks.result(m, role);
        for (MatchResult r : ranked) {
          if (r.roleId().equals(role.id())) {
            assertEquals(m, r, "explain agrees with the ranking");
          }
        }
        for (Renderer renderer : List.of(Renderer.text(), Renderer.markdown(), Renderer.json())) {
          assertFalse(renderer.render(m).isEmpty());
        }
      }
      if (!roles.isEmpty()) {
        MATCHER.addCandidate(profile);
        try {
          List<MatchResult> back = MATCHER.rankCandidates(roles.get(0).id(), 3, CandidateFilter.ALL);
          assertEquals(1, back.size(), "the one candidate is found for the role");
          FuzzChecks.result(back.get(0), roles.get(0));
          assertEquals(MATCHER.explain(roles.get(0), profile).score(), back.get(0).score(), 0.0);
        } finally {
          assertTrue(MATCHER.removeCandidate(profile.id()));
        }
      }
    } finally {
      for (Role r : roles) {
        MATCHER.removeRole(r.id());
      }
    }
  }

  private static List<String> ids(List<MatchResult> rs) {
    List<String> out = new ArrayList<>();
    for (MatchResult r : rs) {
      out.add(r.roleId());
    }
    return out;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
