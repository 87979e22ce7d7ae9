package org.rolematch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.text.ConceptExtractor;
import org.rolematch.text.ConceptMention;
import org.rolematch.text.TextLayout;

/**
 * Turns one requirement sentence into requirement clauses.
 *
 * <p>Design note. The order of the checks below is the order in which a recruiter would read a
 * qualification: a sentence about publications or prior internships is about that and nothing
 * else; a degree sentence gives a degree clause and a field-of-study clause; a sentence with a
 * number of years gives one clause carrying the minimum (an experience clause whose concepts name
 * the domain, or, for "5+ years using PyTorch", a clause of the technology's kind); a sentence of
 * passion or interest gives soft-skill clauses; anything else is split into lists: a list of
 * alternatives ("Java, C++ or Python", "e.g.", "such as", "at least one of") is one any-of clause,
 * a list joined by "and" ("Excel, SQL and Tableau") is one clause per item. "Ideally"/"preferably"
 * splits a sentence into a required generic part and a preferred specific part.
 */
final class ClauseBuilder {
  private static final List<String> PREFERRED_CUES =
      List.of(
          "preferred", "a plus", "is a plus", "are a plus", "nice to have", "nice-to-have",
          "helpful", "bonus", "also valuable", "are valuable", "is valuable", "beneficial",
          "desirable", "desired", "an advantage", "a bonus", "advantageous", "would be great",
          "is preferred", "are preferred", "preferably", "not required", "not mandatory",
          "optional", "ideal", "a big plus");
  private static final List<String> IN_PROGRESS_CUES =
      List.of(
          "pursuing", "working towards", "working toward", "currently enrolled", "enrolled in",
          "candidate for", "studying", "in progress", "current student", "currently a student",
          "expected graduation", "graduating", "returning to");
  private static final List<String> EITHER_CUES =
      List.of(
          "pursuing or completing", "pursuing or completed", "completing or pursuing",
          "pursuing or have completed", "or recently completed", "or recently graduated",
          "recent graduate or", "completed or pursuing", "completed or currently pursuing",
          "pursuing or recently");

  private final Taxonomy taxonomy;
  private final ConceptExtractor extractor;

  private final Set<String> narrower;

  ClauseBuilder(ConceptExtractor extractor) {
    this.extractor = extractor;
    this.taxonomy = extractor.taxonomy();
    Set<String> parents = new java.util.HashSet<>();
    for (int i = 0; i < taxonomy.size(); i++) {
      for (int p : taxonomy.parents(i)) {
        parents.add(taxonomy.concept(p).id());
      }
    }
    this.narrower = Set.copyOf(parents);
  }

  /** Clauses of one sentence at [start, end) of {@code page}. */
  void sentence(
      String page, int start, int end, Importance section, EmploymentType type, List<Requirement> out) {
    if (end - start < 2) {
      return; // shorter than any clause (as below, after collapsing)
    }
    String raw = page.substring(start, end);
    String text = TextLayout.collapse(raw);
    if (text.length() < 2) {
      return;
    }
    String lower = " " + text.toLowerCase(Locale.ROOT).replace('\u2019', '\'') + " ";
    Evidence ev = new Evidence(text, start, end);
    Importance imp = importance(lower, section);
    List<ConceptMention> all = new ArrayList<>();
    for (ConceptMention m : extractor.extract(raw)) {
      all.add(new ConceptMention(m.concept(), m.kind(), m.start() + start, m.end() + start, m.surface()));
    }
    List<ConceptMention> mentions = new ArrayList<>();
    for (ConceptMention m : all) {
      if (m.kind() != Kind.LOCATION) {
        mentions.add(m);
      }
    }

    if (startsWithAny(lower, " publications", " publication", " published", " a publication",
        " track record of publications", " first-author", " peer-reviewed publications",
        " papers at", " publishing")) {
      add(out, Requirement.anyOf(id(out), Kind.PUBLICATION, imp, List.of("publications"), ev));
      return;
    }
    if ((containsAny(lower, " previous ", " prior ", " past ", " completed ")
            && containsAny(lower, " internship", " internships", " co-op"))
        || containsAny(lower, "internship experience", "prior internships", "previous internships")) {
      // "previous software engineering internships": the fields named follow the marker
      Set<String> any = new LinkedHashSet<>();
      any.add("internship");
      for (ConceptMention m : mentions) {
        if (m.kind() != Kind.SOFT_SKILL && m.kind() != Kind.DEGREE) {
          any.add(m.concept());
        }
      }
      add(out, Requirement.anyOf(id(out), Kind.PRIOR_INTERNSHIP, imp, List.copyOf(any), ev));
      return;
    }

    boolean degreeSentence = false;
    List<String> levels = new ArrayList<>();
    for (ConceptMention m : mentions) {
      if (m.kind() == Kind.DEGREE && !levels.contains(m.concept())) {
        levels.add(m.concept());
      }
    }
    List<String> fields = new ArrayList<>();
    for (ConceptMention m : mentions) {
      Concept c = taxonomy.concept(m.concept()).orElse(null);
      if (c != null && c.hasKind(Kind.FIELD_OF_STUDY) && !fields.contains(m.concept())) {
        fields.add(m.concept());
      }
    }
    if (!levels.isEmpty() || (containsAny(lower, " degree ", " degree,", " degree.", " degrees ")
        && !fields.isEmpty())) {
      degreeSentence = true;
      degree(lower, levels, fields, imp, type, ev, out);
      mentions.removeIf(m -> m.kind() == Kind.DEGREE || isField(m));
      if (Numbers.minYears(text) == null) {
        return;
      }
    }

    if (containsAny(lower, "passion for", "passionate about", "interest in", "interested in",
        "enthusiasm for", "excited about", "curiosity about")) {
      Set<String> interests = new LinkedHashSet<>();
      for (ConceptMention m : mentions) {
        if (m.kind() != Kind.SOFT_SKILL) {
          interests.add("interest in " + m.concept());
        }
      }
      if (containsAny(lower, " product", " products", " our mission", " the company")) {
        interests.add("interest in the product");
      }
      for (String s : interests) {
        add(out, Requirement.anyOf(id(out), Kind.SOFT_SKILL, imp, List.of(s), ev));
      }
      for (ConceptMention m : mentions) {
        if (m.kind() == Kind.SOFT_SKILL && !m.concept().equals("curiosity")
            && !m.concept().contains("passion") && !m.concept().contains("interest")
            && !m.concept().contains("enthusias")) {
          add(out, Requirement.anyOf(id(out), Kind.SOFT_SKILL, imp, List.of(m.concept()), ev));
        }
      }
      return;
    }

    int[] years = Numbers.minYears(text);
    if (years != null) {
      years(text, lower, years, mentions, imp, ev, out);
      return;
    }
    if (degreeSentence) {
      return;
    }

    // generic + specific: "version control, preferably GitHub"
    int split = indexOfAny(text, "ideally", "preferably", "Ideally", "Preferably");
    if (split > 0 && importance(lower.substring(0, Math.min(lower.length(), split + 1)), section)
        == Importance.REQUIRED) {
      int cut = start + split;
      List<ConceptMention> before = new ArrayList<>();
      List<ConceptMention> after = new ArrayList<>();
      for (ConceptMention m : mentions) {
        (m.start() < cut ? before : after).add(m);
      }
      Importance beforeImp = importance(lower.substring(0, Math.min(lower.length(), split + 1)), section);
      lists(raw, start, lower, before, beforeImp, ev, out);
      lists(raw, start, lower, after, Importance.PREFERRED, ev, out);
      return;
    }
    lists(raw, start, lower, mentions, imp, ev, out);
  }

  private boolean isField(ConceptMention m) {
    Concept c = taxonomy.concept(m.concept()).orElse(null);
    return c != null && c.kind() == Kind.FIELD_OF_STUDY;
  }

  private void degree(
      String lower, List<String> levels, List<String> fields, Importance imp, EmploymentType type,
      Evidence ev, List<Requirement> out) {
    DegreeStatus status;
    if (containsAny(lower, EITHER_CUES.toArray(new String[0]))) {
      status = DegreeStatus.EITHER;
    } else if (containsAny(lower, IN_PROGRESS_CUES.toArray(new String[0]))) {
      status = DegreeStatus.IN_PROGRESS;
    } else if (type == EmploymentType.INTERNSHIP) {
      status = DegreeStatus.IN_PROGRESS;
    } else {
      status = DegreeStatus.COMPLETED;
    }
    DegreeLevel min = null;
    List<String> accepted = new ArrayList<>();
    for (DegreeLevel l : DegreeLevel.values()) {
      if (levels.contains(l.wireName())) {
        accepted.add(l.wireName());
        if (min == null) {
          min = l;
        }
      }
    }
    if (containsAny(lower, "equivalent practical experience", "equivalent experience",
        "equivalent work experience", "or equivalent")) {
      accepted.add("equivalent experience");
    }
    add(out, new Requirement(id(out), Kind.DEGREE, imp, accepted, 1, min, status, 0, false, ev));
    List<String> f = new ArrayList<>(fields);
    if (!f.contains("related field")
        && containsAny(lower, "related field", "related technical field", "similar field",
            "related discipline", "related area", "quantitative field", "related subject",
            "relevant field", "related technical discipline")) {
      f.add("related field");
    }
    if (!f.isEmpty()) {
      add(out, Requirement.anyOf(id(out), Kind.FIELD_OF_STUDY, imp, f, ev));
    }
  }

  private void years(
      String text, String lower, int[] years, List<ConceptMention> mentions, Importance imp,
      Evidence ev, List<Requirement> out) {
    List<ConceptMention> concepts = new ArrayList<>();
    for (ConceptMention m : mentions) {
      if (m.kind() != Kind.SOFT_SKILL && m.kind() != Kind.DEGREE) {
        concepts.add(m);
      }
    }
    concepts = dropGenerics(concepts, lower);
    if (containsAny(lower, " classes", " courses", " coursework", " course work")) {
      add(out, new Requirement(id(out), Kind.SKILL, imp, ids(concepts), 1, null, null, years[0], false, ev));
      return;
    }
    String after = text.substring(Math.min(years[1], text.length())).toLowerCase(Locale.ROOT).strip();
    boolean experience = after.startsWith("of ") || after.startsWith("experience")
        || after.startsWith("in ") || after.startsWith("industry") || after.startsWith("professional")
        || after.startsWith("relevant") || after.startsWith("work") || after.isEmpty()
        || lower.contains(" experience");
    boolean technologyYears = !concepts.isEmpty()
        && (after.startsWith("using ") || after.startsWith("with ") || after.startsWith("of using ")
            || after.startsWith("programming ") || after.startsWith("of programming"));
    boolean allTechnology = !concepts.isEmpty();
    for (ConceptMention m : concepts) {
      allTechnology &= m.kind() == Kind.PROGRAMMING_LANGUAGE || m.kind() == Kind.ML_FRAMEWORK
          || m.kind() == Kind.TOOL || (m.kind() == Kind.DATA_TECHNOLOGY && !hasNarrower(m.concept()));
    }
    if (experience && !technologyYears && !allTechnology) {
      add(out, new Requirement(
          id(out), Kind.EXPERIENCE_YEARS, imp, ids(concepts), 1, null, null, years[0], false, ev));
      return;
    }
    Kind kind = concepts.isEmpty() ? Kind.EXPERIENCE_YEARS : concepts.get(0).kind();
    add(out, new Requirement(id(out), kind, imp, ids(concepts), 1, null, null, years[0], false, ev));
  }

  /** Lists of alternatives become any-of clauses; lists joined by "and" one clause per item. */
  private void lists(
      String raw, int rawStart, String lower, List<ConceptMention> mentions, Importance imp, Evidence ev,
      List<Requirement> out) {
    List<ConceptMention> hard = new ArrayList<>();
    Set<String> soft = new LinkedHashSet<>();
    for (ConceptMention m : mentions) {
      if (m.kind() == Kind.SOFT_SKILL) {
        soft.add(m.concept());
      } else if (m.kind() != Kind.DEGREE && !isField(m)) {
        hard.add(m);
      }
    }
    Set<ConceptMention> generic = generics(hard);
    boolean alternatives = containsAny(lower, "at least one", "one of", "any of", " either ",
        " any ", "one or more");
    int minCount = minCount(lower);
    List<List<ConceptMention>> runs = new ArrayList<>();
    List<Boolean> joint = new ArrayList<>();
    List<ConceptMention> run = new ArrayList<>();
    boolean runAnd = false;
    boolean runOr = false;
    for (int i = 0; i < hard.size(); i++) {
      ConceptMention m = hard.get(i);
      if (!run.isEmpty()) {
        ConceptMention prev = run.get(run.size() - 1);
        String gap = gap(raw, rawStart, prev.end(), m.start());
        int g = gapKind(gap);
        if (g >= 0 && m.kind() != prev.kind() && gap.strip().equals("(")) {
          // "proficiency in SQL/Hive (Python, R)": bare examples of another kind in parentheses
          // belong to another part of the sentence ("a scripting language"), not to this list;
          // "SQL (or other database languages)" stays one list
          g = -1;
        }
        if (g < 0) {
          runs.add(run);
          joint.add(runAnd && !runOr && !alternatives);
          run = new ArrayList<>();
          runAnd = false;
          runOr = false;
        } else {
          runAnd |= (g & 1) != 0;
          runOr |= (g & 2) != 0;
        }
      }
      run.add(m);
    }
    if (!run.isEmpty()) {
      runs.add(run);
      joint.add(runAnd && !runOr && !alternatives);
    }
    int largest = -1;
    for (int i = 0; i < runs.size(); i++) {
      if (largest < 0 || runs.get(i).size() > runs.get(largest).size()) {
        largest = i;
      }
    }
    for (List<ConceptMention> r : runs) {
      r.removeAll(generic);
    }
    Set<String> emitted = new LinkedHashSet<>();
    for (int i = 0; i < runs.size(); i++) {
      List<ConceptMention> r = runs.get(i);
      if (r.isEmpty()) {
        continue;
      }
      if (joint.get(i)) {
        for (ConceptMention m : r) {
          if (emitted.add(m.concept())) {
            add(out, Requirement.anyOf(id(out), m.kind(), imp, List.of(m.concept()), ev));
          }
        }
      } else {
        List<String> ids = ids(r);
        ids.removeIf(x -> !emitted.add(x) && r.size() == 1);
        if (ids.isEmpty()) {
          continue;
        }
        int k = i == largest && minCount > 1 && minCount <= ids.size() ? minCount : 1;
        add(out, new Requirement(id(out), r.get(0).kind(), imp, ids, k, null, null, 0, false, ev));
      }
    }
    for (String s : soft) {
      add(out, Requirement.anyOf(id(out), Kind.SOFT_SKILL, imp, List.of(s), ev));
    }
  }

  private static String gap(String raw, int rawStart, int from, int to) {
    int a = from - rawStart;
    int b = to - rawStart;
    if (a < 0 || b > raw.length() || b < a) {
      return "|";
    }
    return raw.substring(a, b);
  }

  /** -1 when the gap breaks a list; else bit 1 = "and", bit 2 = "or"-like alternative. */
  static int gapKind(String gap) {
    if (gap.length() > 24) {
      return -1;
    }
    int kind = 0;
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= gap.length(); i++) {
      char c = i < gap.length() ? gap.charAt(i) : ' ';
      if (Character.isLetter(c) || (c == '.' && w.length() > 0) || (c == '/' && w.length() > 0)) {
        w.append(Character.toLowerCase(c));
        continue;
      }
      if (w.length() > 0) {
        switch (w.toString()) {
          case "and", "&", "plus", "as", "well" -> kind |= 1;
          case "or", "and/or", "e.g.", "eg", "e.g", "i.e.", "ie", "i.e", "etc", "etc.", "such",
              "like", "including", "especially", "either", "nor", "vs", "vs.", "versus" -> kind |= 2;
          case "with", "one", "a", "an", "the", "other", "any", "more" -> kind |= 0;
          default -> {
            return -1;
          }
        }
        w.setLength(0);
      }
      if (c == '/' || c == '(') {
        kind |= 2;
      } else if (c == '.' || c == ';' || c == ':' || c == '\n' || Character.isDigit(c)) {
        return -1;
      }
    }
    return kind;
  }

  /** The mentions without {@link #generics}. */
  private List<ConceptMention> dropGenerics(List<ConceptMention> ms, String lower) {
    Set<ConceptMention> g = generics(ms);
    List<ConceptMention> keep = new ArrayList<>();
    for (ConceptMention m : ms) {
      if (!g.contains(m)) {
        keep.add(m);
      }
    }
    return keep;
  }

  /**
   * Category mentions that only introduce examples: "deep learning frameworks, such as PyTorch"
   * asks for PyTorch (or an alternative), not for the category. A category is a concept with
   * narrower concepts whose name ends in a word like "framework", "language" or "technology";
   * it is dropped when a narrower concept is named in the same sentence, together with any other
   * concept read from the same words. Of two concepts read from the same words, the more
   * specific one (without narrower concepts) is kept.
   */
  private Set<ConceptMention> generics(List<ConceptMention> ms) {
    Set<ConceptMention> out = new java.util.HashSet<>();
    for (ConceptMention m : ms) {
      int mo = taxonomy.ordinal(m.concept());
      if (mo < 0 || m.kind() == Kind.RESEARCH_AREA || m.kind() == Kind.SKILL
          || !category(m.concept())) {
        continue;
      }
      for (ConceptMention o : ms) {
        int oo = taxonomy.ordinal(o.concept());
        if (o != m && oo >= 0 && oo != mo && taxonomy.isAncestor(mo, oo)) {
          out.add(m);
          break;
        }
      }
    }
    for (ConceptMention m : ms) {
      for (ConceptMention o : ms) {
        if (o != m && o.start() == m.start() && o.end() == m.end()) {
          if (out.contains(o)) {
            out.add(m);
          } else if (!out.contains(m) && hasNarrower(m.concept()) && !hasNarrower(o.concept())) {
            out.add(m);
          }
        }
      }
    }
    return out;
  }

  private static final List<String> CATEGORY_WORDS =
      List.of("framework", "frameworks", "language", "languages", "technology", "technologies",
          "database", "databases", "library", "libraries", "tool", "tools", "platform", "platforms",
          "engine", "engines", "software", "store", "stores", "warehouse", "service", "services",
          "stack", "system", "systems");

  private boolean category(String id) {
    if (!hasNarrower(id)) {
      return false;
    }
    int sp = id.lastIndexOf(' ');
    return CATEGORY_WORDS.contains(id.substring(sp + 1));
  }

  private boolean hasNarrower(String id) {
    return narrower.contains(id);
  }

  static int minCount(String lower) {
    String[] words = {"two", "three", "four", "five", "2", "3", "4", "5"};
    int[] values = {2, 3, 4, 5, 2, 3, 4, 5};
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (lower.contains(" " + w + " or more of") || lower.contains("at least " + w + " of")
          || lower.contains(" " + w + "+ of") || lower.contains(" " + w + " of the following")
          || lower.contains("at least " + w + " ") && !lower.contains("at least " + w + " year")) {
        return values[i];
      }
    }
    return 1;
  }

  static Importance importance(String lower, Importance section) {
    Importance imp = section;
    for (String cue : PREFERRED_CUES) {
      int i = lower.indexOf(cue);
      if (i >= 0 && (i == 0 || !Character.isLetter(lower.charAt(i - 1)))
          && (i + cue.length() >= lower.length() || !Character.isLetter(lower.charAt(i + cue.length())))) {
        imp = Importance.PREFERRED;
        break;
      }
    }
    if (imp == Importance.PREFERRED && containsAny(lower, " required ", " required.", " required,",
        " is required", " are required", " must ") && !lower.contains("not required")) {
      imp = Importance.REQUIRED;
    }
    return imp;
  }

  private static List<String> ids(List<ConceptMention> ms) {
    List<String> ids = new ArrayList<>();
    for (ConceptMention m : ms) {
      if (!ids.contains(m.concept())) {
        ids.add(m.concept());
      }
    }
    return ids;
  }

  private static String id(List<Requirement> out) {
    return "r" + (out.size() + 1);
  }

  private static void add(List<Requirement> out, Requirement r) {
    out.add(r.withId("r" + (out.size() + 1)));
  }

  static boolean containsAny(String s, String... parts) {
    for (String p : parts) {
      if (s.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String s, String... parts) {
    for (String p : parts) {
      if (s.startsWith(p + " ") || s.startsWith(p + ",") || s.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfAny(String s, String... parts) {
    int best = -1;
    for (String p : parts) {
      int i = s.indexOf(p);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
