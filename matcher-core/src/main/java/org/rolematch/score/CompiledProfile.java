package org.rolematch.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;

/**
 * A candidate profile as sorted int arrays: its concept ordinals, the same closed under
 * ancestors (what meets a clause), the parents of its concepts (what earns sibling credit), its
 * degrees, counts, and places. Nothing else of the profile is kept: the id is carried for
 * tie-breaking and results only.
 *
 * <pre>{@code
 * CompiledProfile p = CompiledProfile.compile(profile, ConceptGraph.of(taxonomy));
 * double score = evaluator.score(compiledRole, p, new ScoreSheet());
 * }</pre>
 *
 * <p>Internal: public only so that {@code org.rolematch.index} can share it. Instances built by
 * {@link #compile} are immutable; instances refilled by a decoder are not thread-safe.
 */
public final class CompiledProfile {
  String id = "";
  // own concepts, sorted; years stated for each (0 = unstated); index into profile.skills or -1
  int[] own = new int[0];
  double[] ownYears = new double[0];
  int[] ownSkill = new int[0];
  int nOwn;
  // own concepts and their ancestors, sorted; via = index into own of a concept giving it
  int[] up = new int[0];
  /** Membership bits of own, up and parentsOfOwn, by concept ordinal ({@link #indexBits}). */
  long[] ownBits = new long[0];
  long[] upBits = new long[0];
  long[] parBits = new long[0];
  /**
   * Per word of {@link #ownBits} and {@link #upBits}: how many bits the words before it hold, so
   * that a concept's index in {@code own} or {@code up} is a count of bits, not a search.
   */
  int[] ownRank = new int[0];
  int[] upRank = new int[0];
  int[] upVia = new int[0];
  int nUp;
  // direct parents of own concepts, sorted
  int[] parentsOfOwn = new int[0];
  int nPar;
  // concept ids unknown to the taxonomy, sorted
  String[] unknown = new String[0];
  int nUnknown;
  // degrees
  int nDeg;
  byte[] degLevel = new byte[0];
  byte[] degStatus = new byte[0];
  int[] degField = new int[0]; // ordinal; -1 = a field the taxonomy does not know; -2 = none
  String[] degFieldText = new String[0];
  double years;
  int publications;
  int internships;
  // concepts named by internship titles ("Research Intern"), with ancestors, sorted; and how many
  // internships name no concept (or are only counted)
  int[] internUp = new int[0];
  int nInternUp;
  int internUntyped;
  // location and work-authorisation places with their ancestors, sorted
  int[] places = new int[0];
  int nPlaces;
  // direct parents of the places themselves (a city's metro area), when those places are leaves
  int[] placeParents = new int[0];
  int nPlaceParents;
  boolean hasLocation;
  boolean hasAuthorization;

  /** An empty profile, to be filled by a decoder. */
  public CompiledProfile() {}

  /** Compiles a profile against a concept graph. */
  public static CompiledProfile compile(CandidateProfile p, ConceptGraph g) {
    CompiledProfile c = new CompiledProfile();
    c.id = p.id();
    List<Skill> skills = p.skills();
    int[] ords = new int[skills.size()];
    int[] idx = new int[skills.size()];
    int k = 0;
    TreeSet<String> unk = null;
    for (int i = 0; i < skills.size(); i++) {
      int o = g.ordinal(skills.get(i).concept());
      if (o >= 0) {
        ords[k] = o;
        idx[k] = i;
        k++;
      } else {
        if (unk == null) {
          unk = new TreeSet<>();
        }
        unk.add(skills.get(i).concept());
      }
    }
    // sort own by ordinal, keeping the first skill of each concept (ordinal, then skill index)
    long[] order = new long[k];
    for (int i = 0; i < k; i++) {
      order[i] = ((long) ords[i] << 32) | idx[i];
    }
    Arrays.sort(order);
    c.own = new int[k];
    c.ownYears = new double[k];
    c.ownSkill = new int[k];
    int m = 0;
    for (int t = 0; t < k; t++) {
      int ord = (int) (order[t] >>> 32);
      int si = (int) order[t];
      if (m > 0 && c.own[m - 1] == ord) {
        c.ownYears[m - 1] = Math.max(c.ownYears[m - 1], skills.get(si).years());
        continue;
      }
      c.own[m] = ord;
      c.ownYears[m] = skills.get(si).years();
      c.ownSkill[m] = si;
      m++;
    }
    c.nOwn = m;
    c.unknown = unk == null ? new String[0] : unk.toArray(new String[0]);
    c.nUnknown = c.unknown.length;
    c.closeUnderAncestors(g);
    // degrees
    List<Degree> ds = p.degrees();
    c.nDeg = ds.size();
    c.degLevel = new byte[c.nDeg];
    c.degStatus = new byte[c.nDeg];
    c.degField = new int[c.nDeg];
    c.degFieldText = new String[c.nDeg];
    for (int i = 0; i < c.nDeg; i++) {
      Degree d = ds.get(i);
      c.degLevel[i] = (byte) d.level().rank();
      c.degStatus[i] = (byte) d.status().ordinal();
      String f = d.field().strip().toLowerCase(Locale.ROOT);
      c.degFieldText[i] = f;
      if (f.isEmpty()) {
        c.degField[i] = -2;
      } else {
        int fo = g.ordinal(f);
        if (fo < 0) {
          List<String> ids = g.taxonomy().lookup(f);
          fo = ids.isEmpty() ? -1 : g.ordinal(ids.get(0));
        }
        c.degField[i] = fo;
      }
    }
    c.years = p.yearsExperience();
    c.publications = p.publications();
    c.internships = p.internships();
    TreeSet<Integer> iu = new TreeSet<>();
    int typed = 0;
    for (Position pos : p.positions()) {
      if (pos.type() != Position.PositionType.INTERNSHIP) {
        continue;
      }
      List<Integer> named = titleConcepts(pos.title(), g);
      if (!named.isEmpty()) {
        typed++;
        for (int o : named) {
          addWithAncestors(iu, o, g);
        }
      }
    }
    c.internUp = iu.stream().mapToInt(Integer::intValue).toArray();
    c.nInternUp = c.internUp.length;
    c.internUntyped = Math.max(0, c.internships - typed);
    // places
    TreeSet<Integer> pl = new TreeSet<>();
    TreeSet<Integer> near = new TreeSet<>();
    if (p.location().isPresent() && !p.location().get().isBlank()) {
      c.hasLocation = true;
      for (int o : resolvePlaces(p.location().get(), g)) {
        addWithAncestors(pl, o, g);
        if (g.children(o).length == 0) {
          for (int q : g.parents(o)) {
            near.add(q);
          }
        }
      }
    }
    for (String a : p.workAuthorizations()) {
      c.hasAuthorization = true;
      int o = g.ordinal(a);
      if (o < 0) {
        for (int x : resolvePlaces(a, g)) {
          addWithAncestors(pl, x, g);
        }
      } else {
        addWithAncestors(pl, o, g);
      }
    }
    c.places = pl.stream().mapToInt(Integer::intValue).toArray();
    c.nPlaces = c.places.length;
    c.placeParents = near.stream().mapToInt(Integer::intValue).toArray();
    c.nPlaceParents = c.placeParents.length;
    return c;
  }

  private static final java.util.Set<String> INTERN_WORDS = java.util.Set.of(
      "intern", "internship", "co-op", "coop", "summer", "winter", "spring", "fall", "autumn",
      "student", "trainee", "placement");
  private static final int MAX_TITLE_WORDS = 12;

  /**
   * Concepts a job title names ("Software Engineering Intern" names software engineering), read
   * as the longest runs of words that are a taxonomy alias, after words like "intern" are
   * dropped. Only the part before the first comma counts; locations are left out.
   */
  static List<Integer> titleConcepts(String title, ConceptGraph g) {
    int comma = title.indexOf(',');
    String head = (comma < 0 ? title : title.substring(0, comma)).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int i0 = 0;
    while (i0 < head.length() && words.size() < MAX_TITLE_WORDS) {
      int j = i0;
      while (j < head.length() && wordChar(head.charAt(j))) {
        j++;
      }
      if (j > i0) {
        String w = head.substring(i0, j);
        if (!INTERN_WORDS.contains(w)) {
          words.add(w);
        }
      }
      i0 = j + 1;
    }
    List<Integer> out = new ArrayList<>(2);
    int i = 0;
    while (i < words.size()) {
      int taken = 0;
      for (int n = Math.min(4, words.size() - i); n >= 1 && taken == 0; n--) {
        for (String id : g.taxonomy().lookup(String.join(" ", words.subList(i, i + n)))) {
          int o = g.ordinal(id);
          if (o >= 0 && !g.isLocation(o)) {
            if (!out.contains(o)) {
              out.add(o);
            }
            taken = n;
          }
        }
      }
      i += Math.max(1, taken);
    }
    return out;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '/' || c == '&' || c == '-';
  }

  /** Whether an internship title names the concept or one below it. */
  boolean internshipIn(int concept) {
    return Arrays.binarySearch(internUp, 0, nInternUp, concept) >= 0;
  }

  private static void addWithAncestors(TreeSet<Integer> s, int o, ConceptGraph g) {
    s.add(o);
    for (int a : g.ancestors(o)) {
      s.add(a);
    }
  }

  /**
   * Location concepts named by a place as written ("Austin, TX"): the whole text, else each
   * comma-separated part, looked up among the taxonomy's location aliases.
   */
  static List<Integer> resolvePlaces(String text, ConceptGraph g) {
    List<Integer> out = new ArrayList<>(2);
    addLocations(out, text, g);
    if (out.isEmpty()) {
      for (String part : text.split("[,/|]")) {
        addLocations(out, part.strip(), g);
      }
    }
    return out;
  }

  private static void addLocations(List<Integer> out, String text, ConceptGraph g) {
    if (text.isEmpty()) {
      return;
    }
    for (String id : g.taxonomy().lookup(text)) {
      int o = g.ordinal(id);
      if (o >= 0 && g.isLocation(o) && !out.contains(o)) {
        out.add(o);
      }
    }
  }

  /** Computes up, upVia and parentsOfOwn from own. */
  void closeUnderAncestors(ConceptGraph g) {
    int total = nOwn;
    for (int i = 0; i < nOwn; i++) {
      total += g.ancestors(own[i]).length;
    }
    long[] pairs = new long[total];
    int t = 0;
    int parentsTotal = 0;
    for (int i = 0; i < nOwn; i++) {
      pairs[t++] = ((long) own[i] << 32) | i;
      for (int a : g.ancestors(own[i])) {
        pairs[t++] = ((long) a << 32) | i;
      }
      parentsTotal += g.parents(own[i]).length;
    }
    Arrays.sort(pairs, 0, t);
    up = new int[t];
    upVia = new int[t];
    int u = 0;
    for (int i = 0; i < t; i++) {
      int o = (int) (pairs[i] >>> 32);
      if (u > 0 && up[u - 1] == o) {
        continue;
      }
      up[u] = o;
      upVia[u] = (int) pairs[i];
      u++;
    }
    nUp = u;
    int[] par = new int[parentsTotal];
    int q = 0;
    for (int i = 0; i < nOwn; i++) {
      for (int p : g.parents(own[i])) {
        par[q++] = p;
      }
    }
    Arrays.sort(par, 0, q);
    int w = 0;
    for (int i = 0; i < q; i++) {
      if (w == 0 || par[w - 1] != par[i]) {
        par[w++] = par[i];
      }
    }
    parentsOfOwn = par;
    nPar = w;
    indexBits();
  }

  /**
   * Builds the membership bits of own, up and parentsOfOwn (most lookups of the scorer are
   * misses, answered by one bit instead of a binary search). Called whenever they change.
   */
  void indexBits() {
    ownBits = bits(own, nOwn, ownBits);
    upBits = bits(up, nUp, upBits);
    parBits = bits(parentsOfOwn, nPar, parBits);
    ownRank = ranks(ownBits, ownRank);
    upRank = ranks(upBits, upRank);
  }

  private static int[] ranks(long[] bits, int[] reuse) {
    int[] r = reuse.length >= bits.length ? reuse : new int[bits.length];
    int n = 0;
    for (int w = 0; w < bits.length; w++) {
      r[w] = n;
      n += Long.bitCount(bits[w]);
    }
    return r;
  }

  /** The index of {@code ord} in the sorted, distinct values whose bits and ranks are given. */
  private static int index(long[] bits, int[] rank, int ord) {
    int w = ord >>> 6;
    if (ord < 0 || w >= bits.length) {
      return -1;
    }
    long x = bits[w];
    long b = 1L << ord;
    return (x & b) == 0 ? -1 : rank[w] + Long.bitCount(x & (b - 1));
  }

  private static long[] bits(int[] sorted, int n, long[] reuse) {
    int words = n == 0 ? 0 : (sorted[n - 1] >>> 6) + 1;
    long[] b = reuse.length >= words ? reuse : new long[Math.max(words, reuse.length * 2)];
    java.util.Arrays.fill(b, 0L);
    for (int i = 0; i < n; i++) {
      b[sorted[i] >>> 6] |= 1L << sorted[i];
    }
    return b;
  }

  private static boolean bit(long[] b, int ord) {
    int w = ord >>> 6;
    return ord >= 0 && w < b.length && (b[w] & (1L << ord)) != 0;
  }

  /** The profile id. */
  public String id() {
    return id;
  }

  /** Number of own concepts. */
  public int ownCount() {
    return nOwn;
  }

  /** Own concept {@code i} (sorted ascending). */
  public int own(int i) {
    return own[i];
  }

  /** Number of concepts in the closure under ancestors. */
  public int upCount() {
    return nUp;
  }

  /** Concept {@code i} of the closure under ancestors (sorted ascending). */
  public int up(int i) {
    return up[i];
  }

  /** Number of parents of own concepts. */
  public int parentCount() {
    return nPar;
  }

  /** Parent {@code i} of own concepts (sorted ascending). */
  public int parent(int i) {
    return parentsOfOwn[i];
  }

  /** Number of unknown concept ids. */
  public int unknownCount() {
    return nUnknown;
  }

  /** Unknown concept id {@code i} (sorted). */
  public String unknown(int i) {
    return unknown[i];
  }

  /** Number of degrees. */
  public int degreeCount() {
    return nDeg;
  }

  /** Rank of degree {@code i}. */
  public int degreeLevel(int i) {
    return degLevel[i];
  }

  /** Status ordinal of degree {@code i}. */
  public int degreeStatus(int i) {
    return degStatus[i];
  }

  /** Field ordinal of degree {@code i}: -1 unknown to the taxonomy, -2 none stated. */
  public int degreeField(int i) {
    return degField[i];
  }

  /** Field of degree {@code i} as written, lower-case. */
  public String degreeFieldText(int i) {
    return degFieldText[i];
  }

  /** Years of professional experience. */
  public double years() {
    return years;
  }

  /** Number of publications. */
  public int publications() {
    return publications;
  }

  /** Number of internships. */
  public int internships() {
    return internships;
  }

  /** Number of places (location and work authorisations, with ancestors). */
  public int placeCount() {
    return nPlaces;
  }

  /** Place {@code i} (sorted). */
  public int place(int i) {
    return places[i];
  }

  /** Number of parents of the candidate's own place, when that place is a leaf (a city). */
  public int placeParentCount() {
    return nPlaceParents;
  }

  /** Parent {@code i} of the candidate's own place (sorted). */
  public int placeParent(int i) {
    return placeParents[i];
  }

  /** Whether the profile states a location. */
  public boolean hasLocation() {
    return hasLocation;
  }

  /** Whether the profile states a work authorisation. */
  public boolean hasAuthorization() {
    return hasAuthorization;
  }

  int upIndex(int ord) {
    return index(upBits, upRank, ord);
  }

  /**
   * Whether each own concept knows the skill it came from (for evidence in explanations): true
   * when compiled from a profile, and when decoded from a form that kept the links.
   */
  public boolean linksSkills() {
    return nOwn == 0 || ownSkill.length >= nOwn && ownSkill[0] >= 0;
  }

  boolean hasOwn(int ord) {
    return bit(ownBits, ord);
  }

  int ownIndex(int ord) {
    return index(ownBits, ownRank, ord);
  }

  boolean hasParent(int ord) {
    return bit(parBits, ord);
  }

  boolean hasUnknown(String s) {
    return Arrays.binarySearch(unknown, 0, nUnknown, s) >= 0;
  }

  boolean hasPlaceParent(int ord) {
    return Arrays.binarySearch(placeParents, 0, nPlaceParents, ord) >= 0;
  }

  boolean hasPlace(int ord) {
    return Arrays.binarySearch(places, 0, nPlaces, ord) >= 0;
  }
}
