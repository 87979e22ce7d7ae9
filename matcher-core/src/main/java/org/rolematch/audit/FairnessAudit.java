package org.rolematch.audit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adverse-impact figures for a set of scored candidates whose group labels the caller supplies.
 * RoleMatch never infers a group: labels come from the caller (for example from a voluntary
 * self-identification survey) and never enter a profile or a score.
 *
 * <p>Two methods, side by side:
 *
 * <ul>
 *   <li><b>Selection rate</b> (the "four-fifths rule"): a candidate is selected when the score is
 *       at least the threshold; each group's selection rate is selected / candidates; its impact
 *       ratio is its rate divided by the highest group's rate. A ratio under 0.8 is the usual
 *       signal of possible adverse impact.
 *   <li><b>Scoring rate</b> (the method bias audits under New York City Local Law 144 use for
 *       continuous scores): a group's scoring rate is the share of its candidates who score above
 *       the median score of the whole sample; its impact ratio is divided by the highest group's
 *       scoring rate.
 * </ul>
 *
 * <pre>{@code
 * FairnessAudit.Report r = FairnessAudit.of(List.of(
 *     new FairnessAudit.Scored("c1", "group A", 82.0),
 *     new FairnessAudit.Scored("c2", "group B", 64.5)), 70.0);
 * System.out.println(r.toText());
 * }</pre>
 *
 * <p>Thread-safe: a pure function of its inputs.
 */
public final class FairnessAudit {
  /** Impact ratio below which a group is flagged (the four-fifths rule). */
  public static final double FOUR_FIFTHS = 0.8;
  /** Groups smaller than this get a note that their rates are unstable. */
  public static final int SMALL_GROUP = 30;

  private FairnessAudit() {}

  /**
   * One scored candidate.
   *
   * @param id the candidate's id
   * @param group the group label supplied by the caller
   * @param score the score, 0..100
   */
  public record Scored(String id, String group, double score) {
    public Scored {
      requireNonNull(id, "id");
      requireNonNull(group, "group");
      if (group.isBlank()) {
        throw new IllegalArgumentException("group label of '" + id + "' is blank");
      }
      if (!(score >= 0 && score <= 100)) {
        throw new IllegalArgumentException("score of '" + id + "' must be in 0..100, got " + score);
      }
    }
  }

  /**
   * Figures of one group.
   *
   * @param group the label
   * @param candidates how many candidates carry it
   * @param selected how many scored at least the threshold
   * @param selectionRate selected / candidates
   * @param selectionImpactRatio selection rate / the highest group's selection rate
   * @param aboveMedian how many scored above the sample's median
   * @param scoringRate aboveMedian / candidates
   * @param scoringImpactRatio scoring rate / the highest group's scoring rate
   */
  public record GroupFigures(
      String group,
      int candidates,
      int selected,
      double selectionRate,
      double selectionImpactRatio,
      int aboveMedian,
      double scoringRate,
      double scoringImpactRatio) {

    /** Whether either impact ratio is under four fifths. */
    public boolean flagged() {
      return selectionImpactRatio < FOUR_FIFTHS || scoringImpactRatio < FOUR_FIFTHS;
    }
  }

  /**
   * The audit's result.
   *
   * @param threshold the selection threshold
   * @param median the median score of the whole sample
   * @param groups figures per group, by label
   */
  public record Report(double threshold, double median, List<GroupFigures> groups) {
    public Report {
      groups = List.copyOf(groups);
    }

    /** The figures as an aligned table with a plain explanation of what they mean. */
    public String toText() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "Selection threshold: score >= %.1f; sample median: %.1f%n%n",
          threshold, median));
      b.append(String.format(Locale.ROOT, "%-20s %6s %9s %8s %8s %9s %8s %8s%n", "group", "n",
          "selected", "rate", "impact", ">median", "rate", "impact"));
      for (GroupFigures g : groups) {
        b.append(String.format(Locale.ROOT, "%-20s %6d %9d %8.3f %8.3f %9d %8.3f %8.3f%s%n",
            g.group(), g.candidates(), g.selected(), g.selectionRate(), g.selectionImpactRatio(),
            g.aboveMedian(), g.scoringRate(), g.scoringImpactRatio(),
            (g.flagged() ? "  < 4/5" : "") + (g.candidates() < SMALL_GROUP ? "  (small group)" : "")));
      }
      b.append('\n').append(EXPLANATION);
      return b.toString();
    }
  }

  static final String EXPLANATION = String.join("\n",
      "What these figures mean:",
      "- Selection rate: the share of a group's candidates whose score reaches the threshold.",
      "  Impact ratio: that rate divided by the highest group's rate. Under 0.8 (four fifths) is",
      "  the usual signal that the selection may disadvantage the group and needs a closer look.",
      "- Scoring rate: the share of a group's candidates who score above the median of everyone",
      "  scored (the method of bias audits under NYC Local Law 144); its impact ratio likewise.",
      "What they do not mean:",
      "- A low ratio is not proof of discrimination, and a ratio near 1 is not proof of fairness:",
      "  differences can come from who applied (the pool), not from the scoring, and equal rates",
      "  can hide unequal treatment of individuals.",
      "- Small groups (under " + SMALL_GROUP + ") give unstable rates; one candidate more or less",
      "  can move a ratio a lot.",
      "- The figures describe this sample and this threshold only. RoleMatch never reads group",
      "  labels when scoring; they were supplied for this audit alone.",
      "");

  /** Audits scored candidates against a selection threshold (0..100). */
  public static Report of(List<Scored> scored, double threshold) {
    requireNonNull(scored, "scored");
    if (!(threshold >= 0 && threshold <= 100)) {
      throw new IllegalArgumentException("threshold must be in 0..100, got " + threshold);
    }
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("nothing to audit: no scored candidates");
    }
    double[] all = new double[scored.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = scored.get(i).score();
    }
    Arrays.sort(all);
    int n = all.length;
    double median = n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
    Map<String, int[]> counts = new TreeMap<>(); // candidates, selected, above median
    for (Scored s : scored) {
      int[] c = counts.computeIfAbsent(s.group(), k -> new int[3]);
      c[0]++;
      if (s.score() >= threshold) {
        c[1]++;
      }
      if (s.score() > median) {
        c[2]++;
      }
    }
    double bestSel = 0;
    double bestScore = 0;
    for (int[] c : counts.values()) {
      bestSel = Math.max(bestSel, (double) c[1] / c[0]);
      bestScore = Math.max(bestScore, (double) c[2] / c[0]);
    }
    List<GroupFigures> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      double sel = (double) c[1] / c[0];
      double sco = (double) c[2] / c[0];
      out.add(new GroupFigures(e.getKey(), c[0], c[1], sel, bestSel == 0 ? 1.0 : sel / bestSel,
          c[2], sco, bestScore == 0 ? 1.0 : sco / bestScore));
    }
    return new Report(threshold, median, out);
  }
}
