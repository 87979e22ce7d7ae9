package org.rolematch.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoreSheet;

/** Brute-force reference rankings over precompiled records: every pair scored exactly. */
final class Reference {
  record Hit(String id, double score) {}

  static final Comparator<Hit> ORDER =
      Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id);

  static List<Hit> rankRoles(ClauseEvaluator eval, Map<String, Role> roles, CandidateProfile p,
      int k, Predicate<Role> filter) {
    CompiledProfile cp = CompiledProfile.compile(p, eval.graph());
    ScoreSheet sheet = new ScoreSheet();
    List<Hit> all = new ArrayList<>();
    for (Role r : roles.values()) {
      if (!filter.test(r)) {
        continue;
      }
      double s = eval.score(CompiledRole.compile(r, eval.graph()), cp, sheet);
      if (!sheet.eligible() && eval.policy().knockoutMode() == KnockoutMode.FILTER) {
        continue;
      }
      all.add(new Hit(r.id(), s));
    }
    all.sort(ORDER);
    return all.subList(0, Math.min(k, all.size()));
  }

  static List<Hit> rankCandidates(ClauseEvaluator eval, Role role,
      Map<String, CandidateProfile> profiles, int k, Predicate<CandidateProfile> filter) {
    CompiledRole cr = CompiledRole.compile(role, eval.graph());
    ScoreSheet sheet = new ScoreSheet();
    List<Hit> all = new ArrayList<>();
    for (CandidateProfile p : profiles.values()) {
      if (!filter.test(p)) {
        continue;
      }
      double s = eval.score(cr, CompiledProfile.compile(p, eval.graph()), sheet);
      if (!sheet.eligible() && eval.policy().knockoutMode() == KnockoutMode.FILTER) {
        continue;
      }
      all.add(new Hit(p.id(), s));
    }
    all.sort(ORDER);
    return all.subList(0, Math.min(k, all.size()));
  }
}
