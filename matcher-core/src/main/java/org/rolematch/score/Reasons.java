package org.rolematch.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Skill;

/** Turns an {@link Outcome} into a {@link ClauseMatch} with evidence and a one-line reason. */
final class Reasons {
  private Reasons() {}

  static ClauseMatch clauseMatch(ClauseEvaluator ev, Requirement req, CompiledRole r, int i,
      CandidateProfile profile, CompiledProfile p, Outcome o, double weight, double contribution,
      boolean knockout) {
    List<Evidence> evidence = new ArrayList<>(1);
    String reason = switch (req.kind()) {
      case DEGREE -> degree(req, r, i, profile, o, evidence, ev);
      case FIELD_OF_STUDY -> field(r, i, profile, p, o, evidence, ev);
      case EXPERIENCE_YEARS -> years(r, i, profile, o, ev);
      case PUBLICATION -> profile.publications() > 0
          ? count(profile.publications(), "publication") : "no publications";
      case PRIOR_INTERNSHIP -> internship(r, i, profile, o, ev);
      case LOCATION -> location(r, i, profile, o, ev);
      case CAREER_STAGE -> careerStage(profile, o, ev);
      default -> concepts(req, r, i, profile, p, o, evidence, ev);
    };
    evidence.removeIf(e -> e == Evidence.NONE || e.text().isEmpty());
    return new ClauseMatch(req, o.status, o.credit, weight, contribution, knockout, evidence,
        reason);
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String listed(CompiledRole r, int i, ConceptGraph g) {
    StringBuilder b = new StringBuilder();
    for (int j = r.cStart[i]; j < r.cStart[i + 1]; j++) {
      if (b.length() > 0) {
        b.append(j + 1 == r.cStart[i + 1] ? " or " : ", ");
      }
      b.append(name(r, j, g));
    }
    return b.toString();
  }

  private static String name(CompiledRole r, int j, ConceptGraph g) {
    int c = r.concepts[j];
    return c >= 0 ? g.id(c) : r.unknown[-c - 1];
  }

  private static Skill skillOf(CandidateProfile profile, CompiledProfile p, int ownIndex) {
    if (ownIndex < 0 || ownIndex >= p.nOwn || p.ownSkill.length <= ownIndex) {
      return null;
    }
    int s = p.ownSkill[ownIndex];
    return s >= 0 && s < profile.skills().size() ? profile.skills().get(s) : null;
  }

  private static String concepts(Requirement req, CompiledRole r, int i,
      CandidateProfile profile, CompiledProfile p, Outcome o, List<Evidence> ev,
      ClauseEvaluator e) {
    ConceptGraph g = e.graph();
    if (r.cStart[i] == r.cStart[i + 1]) {
      return "the requirement names nothing to check";
    }
    if (o.relation == Outcome.FULL) {
      // collect every matched listed concept's skill as evidence
      List<String> held = new ArrayList<>();
      for (int j = r.cStart[i]; j < r.cStart[i + 1]; j++) {
        int c = r.concepts[j];
        if (c < 0) {
          if (p.hasUnknown(r.unknown[-c - 1])) {
            held.add(r.unknown[-c - 1]);
            for (Skill s : profile.skills()) {
              if (s.concept().equals(r.unknown[-c - 1])) {
                ev.add(s.evidence());
                break;
              }
            }
          }
          continue;
        }
        int u = p.upIndex(c);
        if (u >= 0) {
          int via = p.upVia[u];
          Skill s = skillOf(profile, p, via);
          String own = g.id(p.own[via]);
          held.add(own.equals(g.id(c)) ? own : own + " (a kind of " + g.id(c) + ")");
          if (s != null && !ev.contains(s.evidence())) {
            ev.add(s.evidence());
          }
        }
      }
      String has = "has " + String.join(", ", held);
      if (o.matched < o.needed) {
        return has + ": " + o.matched + " of the " + o.needed + " needed from "
            + listed(r, i, g);
      }
      if (o.status == MatchStatus.PARTIAL) {
        return has + ", with " + fmt(o.factor * r.minYears[i]) + " of " + r.minYears[i]
            + " years";
      }
      return has;
    }
    if (o.relation == Outcome.SIBLING || o.relation == Outcome.BROADER) {
      int c = r.concepts[o.listed];
      int witness = -1;
      for (int t = 0; t < p.nOwn && witness < 0; t++) {
        for (int q : g.parents(c)) {
          if (o.relation == Outcome.SIBLING
              ? java.util.Arrays.binarySearch(g.parents(p.own[t]), q) >= 0 && p.own[t] != c
              : p.own[t] == q) {
            witness = t;
            break;
          }
        }
      }
      String what = witness >= 0 ? g.id(p.own[witness]) : "a related concept";
      Skill s = skillOf(profile, p, witness);
      if (s != null) {
        ev.add(s.evidence());
      }
      String rel = o.relation == Outcome.SIBLING ? ", a sibling of the listed " : ", broader than the listed ";
      String head = "knows " + what + rel + listed(r, i, g);
      if (o.status == MatchStatus.UNKNOWN) {
        return "not shown on the profile (" + head + ")";
      }
      return o.needed > 1 ? head + "; " + o.needed + " needed" : head;
    }
    String list = listed(r, i, g);
    if (o.status == MatchStatus.UNKNOWN) {
      return "not shown on the profile: " + list;
    }
    return o.needed > 1 ? "needs " + o.needed + " of " + list + "; has none"
        : "shows none of " + list;
  }

  private static String levelName(int rank) {
    return switch (rank) {
      case 4 -> "PhD";
      case 3 -> "master's";
      case 2 -> "bachelor's";
      case 1 -> "associate";
      default -> "other";
    };
  }

  private static String asked(CompiledRole r, int i) {
    int min = r.minDegree[i];
    int mask = r.levelMask[i];
    StringBuilder b = new StringBuilder();
    if (min >= 0) {
      b.append(levelName(min));
      if (mask != 0 && Integer.bitCount(mask) > 1 || mask != 0 && (mask & (1 << min)) == 0) {
        b.append(" or higher");
      }
    } else if (mask != 0) {
      b.append(levelName(Integer.numberOfTrailingZeros(mask)));
    } else {
      b.append("any");
    }
    b.append(" degree");
    int st = r.status[i];
    if (st == DegreeStatus.COMPLETED.ordinal()) {
      b.append(", completed");
    } else if (st == DegreeStatus.IN_PROGRESS.ordinal()) {
      b.append(", in progress");
    }
    return b.toString();
  }

  private static String describe(Degree d) {
    StringBuilder b = new StringBuilder(levelName(d.level().rank()));
    if (!d.field().isEmpty()) {
      b.append(" in ").append(d.field());
    }
    if (d.status() == DegreeStatus.IN_PROGRESS) {
      b.append(" (in progress");
      d.endYear().ifPresent(y -> b.append(", expected ").append(y));
      b.append(')');
    }
    return b.toString();
  }

  private static String degree(Requirement req, CompiledRole r, int i, CandidateProfile profile,
      Outcome o, List<Evidence> ev, ClauseEvaluator e) {
    if (o.relation == Outcome.RELATED) {
      return "equivalent experience: " + fmt(profile.yearsExperience()) + " years";
    }
    if (o.via < 0 || o.via >= profile.degrees().size()) {
      return "no degree stated; role asks for " + asked(r, i);
    }
    Degree d = profile.degrees().get(o.via);
    ev.add(d.evidence());
    String has = "has " + describe(d);
    if (o.status == MatchStatus.MET) {
      return has;
    }
    List<String> why = new ArrayList<>(2);
    if (o.factor < 1) {
      int lv = d.level().rank();
      int mask = r.levelMask[i];
      int hi = mask != 0 ? 31 - Integer.numberOfLeadingZeros(mask) : -1;
      if (hi >= 0 && lv > hi) {
        why.add("the role is for " + levelName(hi) + " level");
      } else {
        why.add("role asks for " + asked(r, i));
      }
    }
    if (o.factor2 < 1) {
      why.add(d.status() == DegreeStatus.IN_PROGRESS
          ? "still in progress; role asks for a completed degree"
          : "already completed; role is for students");
    }
    if (why.isEmpty()) {
      why.add("role asks for " + asked(r, i));
    }
    return has + ", " + String.join("; ", why);
  }

  private static String field(CompiledRole r, int i, CandidateProfile profile, CompiledProfile p,
      Outcome o, List<Evidence> ev, ClauseEvaluator e) {
    String list = listed(r, i, e.graph());
    if ((r.flags[i] & CompiledRole.RELATED_FIELD) != 0) {
      list = list.isEmpty() ? "a related field" : list + " or a related field";
    }
    if (profile.degrees().isEmpty()) {
      return "no degree stated; role asks for " + list;
    }
    int d = Math.max(0, o.via);
    Degree deg = profile.degrees().get(d);
    ev.add(deg.evidence());
    return switch (o.status) {
      case MET -> "studied " + deg.field();
      case PARTIAL -> "studied " + deg.field() + ", related to "
          + (o.listed >= 0 ? name(r, o.listed, e.graph()) : "the listed fields");
      case UNKNOWN -> "field of study not stated; role asks for " + list;
      default -> "studied " + (deg.field().isEmpty() ? "an unstated field" : deg.field())
          + "; role asks for " + list;
    };
  }

  private static String years(CompiledRole r, int i, CandidateProfile profile, Outcome o,
      ClauseEvaluator e) {
    int m = r.minYears[i];
    double y = profile.yearsExperience();
    String domain = r.cStart[i] == r.cStart[i + 1] ? "" : " in " + listed(r, i, e.graph());
    String base;
    if (m == 0) {
      base = fmt(y) + " years of experience";
    } else if (y >= m) {
      base = fmt(y) + " years of experience (" + m + " asked)";
    } else if (y == 0) {
      base = "no professional experience stated; role asks for " + m + " years";
    } else {
      base = fmt(y) + " of " + m + " years";
    }
    if (o.factor2 < 1) {
      base += ", none of it shown" + domain;
    }
    return base;
  }

  private static String internship(CompiledRole r, int i, CandidateProfile profile, Outcome o,
      ClauseEvaluator e) {
    if (profile.internships() == 0) {
      return "no prior internship";
    }
    String n = count(profile.internships(), "internship");
    return switch (o.status) {
      case MET -> o.listed >= 0 ? n + ", in " + name(r, o.listed, e.graph()) : n;
      default -> n + ", none of them in " + listed(r, i, e.graph());
    };
  }

  private static String careerStage(CandidateProfile profile, Outcome o, ClauseEvaluator e) {
    double y = profile.yearsExperience();
    String years = y == 0 ? "no professional experience" : fmt(y) + " years of experience";
    return switch (o.status) {
      case MET -> years + ", fits an early-career role";
      default -> years + "; an early-career role is for up to "
          + fmt(e.policy().earlyCareerMaxYears()) + " years";
    };
  }

  private static String location(CompiledRole r, int i, CandidateProfile profile, Outcome o,
      ClauseEvaluator e) {
    String list = listed(r, i, e.graph());
    if ((r.flags[i] & CompiledRole.WORK_AUTHORIZATION) != 0) {
      list = list.isEmpty() ? "work authorization" : list + " (work authorization)";
    }
    String where = profile.location().orElse("");
    return switch (o.status) {
      case MET -> o.relation == Outcome.RELATED
          ? "authorised to work: " + String.join(", ", profile.workAuthorizations())
          : where.isEmpty() ? "authorised to work: " + String.join(", ",
              profile.workAuthorizations()) : "based in " + where;
      case PARTIAL -> "based in " + where + ", near the listed "
          + (o.listed >= 0 ? name(r, o.listed, e.graph()) : list);
      case UNKNOWN -> (where.isEmpty() ? "location not stated" : "work authorisation not stated")
          + "; role asks for " + (list.isEmpty() ? "a location" : list);
      default -> "based in " + (where.isEmpty() ? "an unstated place" : where)
          + "; role asks for " + list;
    };
  }

  static boolean isConcept(Kind k) {
    return k.isConceptKind();
  }

  static String levelWire(int rank) {
    for (DegreeLevel l : DegreeLevel.values()) {
      if (l.rank() == rank) {
        return l.wireName();
      }
    }
    return "other";
  }
}
