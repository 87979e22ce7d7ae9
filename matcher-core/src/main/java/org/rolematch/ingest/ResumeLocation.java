package org.rolematch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rolematch.model.Kind;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Where a candidate is based ("City, ST" near the top of a resume) and where they state they
 * may work ("Authorized to work in the US"). Hand-written scanning, no regular expressions.
 *
 * <p>Only the city and region are kept: a street address or postal code around them is not.
 * Citizenship and nationality statements are not read at all (they are masked as personal
 * data before this class sees the text).
 */
final class ResumeLocation {
  private ResumeLocation() {}

  static final Set<String> REGION_CODES =
      Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
          // Canadian provinces and territories
          "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");

  private static final Set<String> CANADIAN = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT",
      "NU", "ON", "PE", "QC", "SK", "YT");

  /** Country names as written after "City, " → canonical lower-case country. */
  static final Map<String, String> COUNTRIES =
      Map.ofEntries(
          Map.entry("usa", "united states"), Map.entry("us", "united states"),
          Map.entry("u.s.", "united states"), Map.entry("u.s", "united states"),
          Map.entry("u.s.a.", "united states"), Map.entry("u.s.a", "united states"),
          Map.entry("united states", "united states"),
          Map.entry("united states of america", "united states"),
          Map.entry("america", "united states"), Map.entry("canada", "canada"),
          Map.entry("uk", "united kingdom"), Map.entry("u.k.", "united kingdom"),
          Map.entry("united kingdom", "united kingdom"), Map.entry("england", "united kingdom"),
          Map.entry("scotland", "united kingdom"), Map.entry("wales", "united kingdom"),
          Map.entry("ireland", "ireland"), Map.entry("germany", "germany"),
          Map.entry("france", "france"), Map.entry("spain", "spain"), Map.entry("italy", "italy"),
          Map.entry("netherlands", "netherlands"), Map.entry("the netherlands", "netherlands"),
          Map.entry("switzerland", "switzerland"), Map.entry("sweden", "sweden"),
          Map.entry("norway", "norway"), Map.entry("denmark", "denmark"),
          Map.entry("finland", "finland"), Map.entry("poland", "poland"),
          Map.entry("portugal", "portugal"), Map.entry("austria", "austria"),
          Map.entry("belgium", "belgium"), Map.entry("india", "india"),
          Map.entry("china", "china"), Map.entry("japan", "japan"),
          Map.entry("singapore", "singapore"), Map.entry("australia", "australia"),
          Map.entry("new zealand", "new zealand"), Map.entry("israel", "israel"),
          Map.entry("brazil", "brazil"), Map.entry("mexico", "mexico"),
          Map.entry("south korea", "south korea"), Map.entry("korea", "south korea"),
          Map.entry("eu", "european union"), Map.entry("european union", "european union"));

  /**
   * A location "City, ST" (or "City, Country") in the segment, as "City, ST", or null. The city
   * is one to four capitalised words right before the comma.
   */
  static String find(String segment) {
    int[] span = findSpan(segment);
    return span == null ? null : segment.substring(span[0], span[1]);
  }

  /**
   * Offsets {start, end} of the first "City, ST" or "City, Country" in the segment, or null.
   */
  static int[] findSpan(String s) {
    int comma = s.indexOf(',');
    while (comma > 0) {
      int[] span = at(s, comma);
      if (span != null) {
        return span;
      }
      comma = s.indexOf(',', comma + 1);
    }
    return null;
  }

  /** The location around the comma at {@code comma}, or null. */
  private static int[] at(String s, int comma) {
    // region after the comma
    int r = comma + 1;
    while (r < s.length() && s.charAt(r) == ' ') {
      r++;
    }
    int re = r;
    while (re < s.length() && (Character.isLetter(s.charAt(re)) || s.charAt(re) == '.'
        || (s.charAt(re) == ' ' && re + 1 < s.length() && Character.isUpperCase(s.charAt(re + 1))
            && re - r < 24))) {
      re++;
    }
    while (re > r && (s.charAt(re - 1) == ' ')) {
      re--;
    }
    if (re == r) {
      return null;
    }
    String region = s.substring(r, re);
    int regionEnd;
    if (REGION_CODES.contains(region.length() >= 2 ? region.substring(0, 2) : region)
        && (region.length() == 2 || !Character.isLetter(region.charAt(2)))) {
      regionEnd = r + 2;
    } else {
      String country = longestCountry(region);
      if (country == null) {
        return null;
      }
      regionEnd = r + country.length();
    }
    if (regionEnd < s.length() && Character.isLetterOrDigit(s.charAt(regionEnd))) {
      return null;
    }
    // city before the comma: capitalised words
    int cityEnd = comma;
    while (cityEnd > 0 && s.charAt(cityEnd - 1) == ' ') {
      cityEnd--;
    }
    int k = cityEnd;
    int words = 0;
    int cityStart = cityEnd;
    while (k > 0 && words < 4) {
      int w = k;
      while (w > 0 && (Character.isLetter(s.charAt(w - 1)) || s.charAt(w - 1) == '.'
          || s.charAt(w - 1) == '-' || s.charAt(w - 1) == '\'')) {
        w--;
      }
      if (w == k || !Character.isUpperCase(s.charAt(w))) {
        break;
      }
      cityStart = w;
      words++;
      if (w == 0 || s.charAt(w - 1) != ' ') {
        break;
      }
      k = w - 1;
    }
    if (words == 0) {
      return null;
    }
    return new int[] {cityStart, regionEnd};
  }

  private static String longestCountry(String region) {
    String best = null;
    String lower = region.toLowerCase(Locale.ROOT);
    for (String c : COUNTRIES.keySet()) {
      if (c.length() <= 3 && !c.contains(".")) {
        // "US", "UK", "EU" must be written in capitals
        if (!region.startsWith(c.toUpperCase(Locale.ROOT))) {
          continue;
        }
      }
      if (lower.startsWith(c) && (lower.length() == c.length()
          || !Character.isLetter(lower.charAt(c.length())))
          && (best == null || c.length() > best.length())) {
        best = c;
      }
    }
    return best == null ? null : region.substring(0, best.length());
  }

  /** The country a "City, ST" location lies in: "united states", "canada", or as written. */
  static String country(String location) {
    int comma = location.lastIndexOf(',');
    String region = location.substring(comma + 1).strip();
    if (REGION_CODES.contains(region)) {
      return CANADIAN.contains(region) ? "canada" : "united states";
    }
    String c = COUNTRIES.get(region.toLowerCase(Locale.ROOT));
    return c != null ? c : region.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------------------------------
  // work authorisation

  private static final Set<String> AUTH_VERBS =
      Set.of("authorized", "authorised", "eligible", "permitted", "entitled", "allowed",
          "cleared", "legally");

  /**
   * Work authorisations stated in a line: "authorized to work in the US", "work authorization:
   * Canada", "US work authorization", "green card holder", "no sponsorship required" (the
   * country of {@code homeCountry}, when known). Returns canonical country names.
   */
  static List<String> workAuthorizations(String line, String homeCountry) {
    List<String> out = new ArrayList<>();
    List<ResumeDates.Tok> t = ResumeDates.tokens(line);
    int n = t.size();
    for (int i = 0; i < n; i++) {
      ResumeDates.Tok a = t.get(i);
      if (a.type() != ResumeDates.T.WORD) {
        continue;
      }
      String w = a.lower();
      // "authorized to work in X", "eligible to work in X"
      if (AUTH_VERBS.contains(w)) {
        int j = i + 1;
        if (j < n && t.get(j).word("authorized")) {
          j++;
        }
        if (j + 1 < n && t.get(j).word("to") && t.get(j + 1).word("work")) {
          j += 2;
          if (j < n && (t.get(j).word("in") || t.get(j).word("for"))) {
            String c = countryAt(line, t, j + 1);
            if (c != null) {
              out.add(c);
            } else if (homeCountry != null) {
              out.add(homeCountry);
            }
          } else if (homeCountry != null) {
            out.add(homeCountry);
          }
        }
        continue;
      }
      // "work authorization: X" / "X work authorization" / "work permit"
      if (w.equals("work") && i + 1 < n && (t.get(i + 1).word("authorization")
          || t.get(i + 1).word("authorisation") || t.get(i + 1).word("permit"))) {
        String before = i > 0 ? countryBefore(line, t, i) : null;
        int j = i + 2;
        while (j < n && (t.get(j).is(":") || t.get(j).word("in") || t.get(j).word("for")
            || t.get(j).is("-") || t.get(j).word("status"))) {
          j++;
        }
        String after = countryAt(line, t, j);
        if (before != null) {
          out.add(before);
        } else if (after != null) {
          out.add(after);
        }
        continue;
      }
      if ((w.equals("green") && i + 1 < n && t.get(i + 1).word("card"))) {
        out.add("united states");
        continue;
      }
      if (w.equals("permanent") && i + 1 < n && t.get(i + 1).word("resident")) {
        int j = i + 2;
        if (j < n && (t.get(j).word("of") || t.get(j).word("in"))) {
          String c = countryAt(line, t, j + 1);
          if (c != null) {
            out.add(c);
            continue;
          }
        }
        String before = countryBefore(line, t, i);
        if (before != null) {
          out.add(before);
        } else if (homeCountry != null) {
          out.add(homeCountry);
        }
        continue;
      }
      if (w.equals("sponsorship") && homeCountry != null && negated(t, i)) {
        out.add(homeCountry);
      }
    }
    return new ArrayList<>(new LinkedHashSet<>(out));
  }

  /** "no sponsorship", "not require sponsorship", "without sponsorship", "sponsorship not". */
  private static boolean negated(List<ResumeDates.Tok> t, int i) {
    for (int k = Math.max(0, i - 4); k < Math.min(t.size(), i + 3); k++) {
      ResumeDates.Tok x = t.get(k);
      if (x.word("no") || x.word("not") || x.word("without") || x.word("never")) {
        return true;
      }
    }
    return false;
  }

  /** The country named at token j ("the United States", "US", "Canada"), or null. */
  static String countryAt(String line, List<ResumeDates.Tok> t, int j) {
    if (j < t.size() && t.get(j).word("the")) {
      j++;
    }
    if (j >= t.size()) {
      return null;
    }
    int start = t.get(j).start();
    String rest = line.substring(start, Math.min(line.length(), start + 30));
    String c = longestCountry(rest);
    return c == null ? null : COUNTRIES.get(c.toLowerCase(Locale.ROOT));
  }

  private static String countryBefore(String line, List<ResumeDates.Tok> t, int i) {
    for (int k = Math.max(0, i - 4); k < i; k++) {
      String rest = line.substring(t.get(k).start(), t.get(i).start()).strip();
      String c = longestCountry(rest);
      if (c != null && c.length() == rest.length()) {
        return COUNTRIES.get(c.toLowerCase(Locale.ROOT));
      }
    }
    return null;
  }

  /** The taxonomy's location concept for a country, if it has one, else the country itself. */
  static String conceptFor(String country, Taxonomy taxonomy) {
    for (String id : taxonomy.lookup(country)) {
      Concept c = taxonomy.concept(id).orElse(null);
      if (c != null && c.hasKind(Kind.LOCATION)) {
        return id;
      }
    }
    return country;
  }
}
