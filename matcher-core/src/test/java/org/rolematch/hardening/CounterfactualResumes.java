package org.rolematch.hardening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A seeded generator of resume text in which protected facts sit in slots: the name (in the
 * header, the summary, experience bullets, references), pronouns and their possessives, gendered
 * words (chairwoman/chairman/chairperson, sorority/fraternity, mother/father/parent, Ms./Mr./Mx.,
 * "Women in ..."), the age and birth date ("Age: 34", "34 years old", "Date of birth: ..."), the
 * nationality (labelled, and in prose: "Nigerian-born"), and the marital status ("Marital status:
 * married", "married with two children").
 *
 * <p>Names include month names ("May", "June", "March"), place names ("Georgia", "Austin",
 * "London") and ordinary words ("Will", "Young"), each used alone in experience bullets. Names
 * that are concepts of the taxonomy ("Julia", "Scala", "Spark") are left out by the caller: a bare
 * "Scala led the migration" reads as the skill, a limitation documented in docs/hardening.md.
 *
 * <p>A {@link Base} fixes everything that may count (skills, positions and dates, degrees, city);
 * {@link Base#render(Person)} fills the slots for one {@link Person}, so two renderings of one base
 * differ only in protected facts. Some bases have no dated positions and state their experience
 * in words instead, so that an age in words ("45 years old") sits beside a stated "6 years of
 * experience".
 */
final class CounterfactualResumes {
  enum Gender { FEMALE, MALE, NONBINARY }

  /** The protected facts of one rendering. */
  record Person(String first, String last, Gender gender, int age, String nationality,
      String marital) {

    String subject() {
      return switch (gender) {
        case FEMALE -> "She";
        case MALE -> "He";
        case NONBINARY -> "They";
      };
    }

    String possessive() {
      return switch (gender) {
        case FEMALE -> "her";
        case MALE -> "his";
        case NONBINARY -> "their";
      };
    }

    String chair() {
      return switch (gender) {
        case FEMALE -> "Chairwoman";
        case MALE -> "Chairman";
        case NONBINARY -> "Chairperson";
      };
    }

    String society() {
      return switch (gender) {
        case FEMALE -> "sorority";
        case MALE -> "fraternity";
        case NONBINARY -> "student society";
      };
    }

    String parent() {
      return switch (gender) {
        case FEMALE -> "mother";
        case MALE -> "father";
        case NONBINARY -> "parent";
      };
    }

    String honorific() {
      return switch (gender) {
        case FEMALE -> "Ms.";
        case MALE -> "Mr.";
        case NONBINARY -> "Mx.";
      };
    }

    String group() {
      return switch (gender) {
        case FEMALE -> "Women in Data";
        case MALE -> "Men in Data";
        case NONBINARY -> "Queer in Data";
      };
    }

    int birthYear() {
      return 2025 - age;
    }

    /**
     * The words of this person as they appear in a rendering, longest first: what an explanation
     * may legitimately quote from the resume's own text and so what a comparison normalises.
     * Names are not listed: the parser masks them, so they must not appear at all.
     */
    Map<String, String> slotWords() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put(group(), "<group>");
      m.put(age + " years old", "<age> years old");
      m.put(nationality + "-born", "<nationality>-born");
      m.put(nationality, "<nationality>");
      m.put(marital, "<marital>");
      m.put(chair(), "<chair>");
      m.put(society(), "<society>");
      m.put(parent(), "<parent>");
      m.put(honorific(), "<honorific>");
      m.put(subject(), "<subject>");
      m.put(possessive(), "<possessive>");
      return m;
    }
  }

  static final String[][] FIRST = {
    {"May", "June", "April", "Grace", "Georgia", "India", "Sydney", "Summer", "Aisha", "Mei", "Olga", "Priya", "Fatima", "Sofia", "Amara", "Ingrid", "Lucia", "Yuki",
        "Chiamaka", "Svetlana", "Ayesha", "Marisol", "Thandiwe"},
    {"Will", "Mark", "August", "Jordan", "Austin", "Paris", "Chase", "Kwame", "Hiroshi", "Dmitri", "Arjun", "Omar", "Mateo", "Lars", "Jun", "Tomasz", "Diego",
        "Emeka", "Yusuf", "Rafael", "Bjorn", "Tariq"},
    {"Dakota", "Carolina", "Alex", "Sam", "Robin", "Jordan", "Kai", "Riley", "Quinn", "Sasha", "Noor", "Ari"}};
  static final String[] LAST = {"March", "London", "Washington", "Young", "Okafor", "Nakamura", "Ivanova", "Sharma", "Haddad", "Garcia",
      "Lindqvist", "Wang", "Kowalski", "Mensah", "O'Brien", "Nguyen", "Adeyemi", "Petrov",
      "Fernandes", "Schmidt", "Kim", "Abdullah", "Moreau", "Silva"};
  static final String[] NATIONALITY = {"Nigerian", "Japanese", "Russian", "Indian", "Lebanese",
      "Mexican", "Swedish", "Chinese", "Polish", "Ghanaian", "Irish", "Vietnamese", "American",
      "Canadian", "German", "Brazilian", "Korean", "Egyptian", "French", "Pakistani"};
  static final String[] MARITAL = {"married", "single", "divorced", "widowed", "engaged"};

  static final String[] SKILLS = {"Python", "Java", "SQL", "Scala", "Go", "Rust", "C++",
      "TypeScript", "Kotlin", "R", "Spark", "Airflow", "Kafka", "dbt", "Snowflake", "PostgreSQL",
      "Redshift", "BigQuery", "Docker", "Kubernetes", "Terraform", "AWS", "GCP", "Azure",
      "PyTorch", "TensorFlow", "scikit-learn", "pandas", "Tableau", "Power BI", "Excel", "Flink",
      "Hadoop", "MLflow", "Git", "Linux", "statistics", "machine learning", "NLP",
      "computer vision", "A/B testing", "data modeling", "ETL", "REST APIs", "microservices"};
  static final String[] TITLES = {"Data Engineer", "Software Engineer", "Data Analyst",
      "Machine Learning Engineer", "Backend Engineer", "Data Scientist", "Research Assistant",
      "Analytics Engineer", "Platform Engineer", "Business Analyst"};
  static final String[] ORGS = {"Northwind Data", "Pinewood Outfitters", "Corvid Logistics",
      "Harbor Analytics", "Bluefin Health", "Lumen Robotics", "Saltmarsh Clinical", "Acme Labs",
      "Riverbend Commerce", "Quarry Systems"};
  static final String[] DEGREES = {"B.S. in Computer Science", "B.A. in Economics",
      "M.S. in Statistics", "M.S. in Computer Science", "Ph.D. in Physics",
      "B.S. in Mathematics", "B.Eng. in Electrical Engineering", "M.A. in Data Science"};
  static final String[] CITIES = {"Austin, TX", "Seattle, WA", "Denver, CO", "Boston, MA",
      "Toronto, ON", "Berlin, Germany", "Chicago, IL", "Remote"};
  static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
      "Oct", "Nov", "Dec"};

  private CounterfactualResumes() {}

  /** Two different people for every base: every slot differs between them. */
  static Person[] pair(Random rnd, Predicate<String> usable) {
    int g = rnd.nextInt(3);
    int h = (g + 1 + rnd.nextInt(2)) % 3;
    int a1 = 19 + rnd.nextInt(49);
    int a2 = 19 + (a1 - 19 + 10 + rnd.nextInt(30)) % 49;
    int n1 = rnd.nextInt(NATIONALITY.length);
    int n2 = (n1 + 1 + rnd.nextInt(NATIONALITY.length - 1)) % NATIONALITY.length;
    int m1 = rnd.nextInt(MARITAL.length);
    int m2 = (m1 + 1 + rnd.nextInt(MARITAL.length - 1)) % MARITAL.length;
    return new Person[] {
      new Person(name(rnd, FIRST[g], usable), name(rnd, LAST, usable), Gender.values()[g], a1,
          NATIONALITY[n1], MARITAL[m1]),
      new Person(name(rnd, FIRST[h], usable), name(rnd, LAST, usable), Gender.values()[h], a2,
          NATIONALITY[n2], MARITAL[m2])};
  }

  private static String name(Random rnd, String[] pool, Predicate<String> usable) {
    for (int i = 0; i < 100; i++) {
      String n = pool[rnd.nextInt(pool.length)];
      if (usable.test(n)) {
        return n;
      }
    }
    throw new IllegalStateException("no usable name in " + String.join(", ", pool));
  }

  /** Everything of a resume that may count; the slots are filled by {@link #render}. */
  record Base(int index, String city, List<String[]> positions, List<List<String>> bullets,
      String degree, String school, int gradYear, List<String> skills, boolean dated,
      int statedYears) {

    static Base random(int index, Random rnd) {
      String city = CITIES[rnd.nextInt(CITIES.length)];
      boolean dated = rnd.nextInt(5) != 0;
      int gradYear = 2005 + rnd.nextInt(20);
      List<String[]> positions = new ArrayList<>();
      List<List<String>> bullets = new ArrayList<>();
      int np = 1 + rnd.nextInt(3);
      int end = 2025;
      for (int p = 0; p < np; p++) {
        int len = 1 + rnd.nextInt(4);
        int start = Math.max(gradYear, end - len);
        String from = MONTHS[rnd.nextInt(12)] + " " + start;
        String to = p == 0 && rnd.nextBoolean() ? "Present" : MONTHS[rnd.nextInt(12)] + " " + end;
        positions.add(new String[] {TITLES[rnd.nextInt(TITLES.length)],
            ORGS[rnd.nextInt(ORGS.length)], from, to});
        List<String> bs = new ArrayList<>();
        for (int b = 0; b < 1 + rnd.nextInt(3); b++) {
          bs.add(SKILLS[rnd.nextInt(SKILLS.length)] + " and " + SKILLS[rnd.nextInt(SKILLS.length)]);
        }
        bullets.add(bs);
        end = Math.max(gradYear, start - rnd.nextInt(2));
      }
      List<String> skills = new ArrayList<>();
      for (int s = 0; s < 4 + rnd.nextInt(10); s++) {
        String k = SKILLS[rnd.nextInt(SKILLS.length)];
        if (!skills.contains(k)) {
          skills.add(k);
        }
      }
      return new Base(index, city, positions, bullets, DEGREES[rnd.nextInt(DEGREES.length)],
          "Lakeside University", gradYear, skills, dated, 1 + rnd.nextInt(12));
    }

    /** The resume of this base for one person. */
    String render(Person who) {
      String name = who.first() + " " + who.last();
      String s = who.subject();
      String his = who.possessive();
      StringBuilder b = new StringBuilder();
      b.append(name).append('\n');
      b.append(city).append(" | ").append(who.first().toLowerCase(Locale.ROOT)).append('.')
          .append(who.last().toLowerCase(Locale.ROOT).replace("'", "")).append("@example.com | (555) 010-")
          .append(String.format(Locale.ROOT, "%04d", index)).append('\n');
      b.append("Date of birth: ").append(who.birthYear()).append("-04-12 | Age: ").append(who.age())
          .append(" | Nationality: ").append(who.nationality()).append(" | Marital status: ")
          .append(who.marital()).append('\n');
      b.append('\n').append("SUMMARY\n");
      b.append(who.honorific()).append(' ').append(who.last()).append(" is a ")
          .append(who.nationality()).append("-born engineer, ").append(who.age())
          .append(" years old and ").append(who.marital()).append(". ").append(s)
          .append(" enjoys building reliable data systems.\n");
      if (!dated) {
        b.append(s).append(" has ").append(statedYears).append(" years of experience in ")
            .append(skills.get(0)).append(".\n");
      }
      b.append('\n').append("EXPERIENCE\n");
      for (int p = 0; p < positions.size(); p++) {
        String[] pos = positions.get(p);
        b.append(pos[0]).append(", ").append(pos[1]);
        if (dated) {
          b.append(" | ").append(pos[2]).append(" – ").append(pos[3]);
        }
        b.append('\n');
        for (String bullet : bullets.get(p)) {
          b.append("- ").append(s).append(" built ").append(bullet).append(" pipelines for ")
              .append(his).append(" team\n");
        }
        if (p == 0) {
          b.append("- ").append(who.first()).append(" led the ").append(skills.get(0))
              .append(" migration; ").append(who.honorific()).append(' ').append(who.last())
              .append(" mentored two interns\n");
          b.append("- ").append(who.last()).append(" wrote the design notes for ")
              .append(skills.get(skills.size() - 1)).append('\n');
        }
      }
      b.append('\n').append("EDUCATION\n");
      b.append(degree).append(", ").append(school).append(", ").append(gradYear).append('\n');
      b.append('\n').append("SKILLS\n");
      b.append(String.join(", ", skills)).append('\n');
      b.append('\n').append("ACTIVITIES\n");
      b.append(who.chair()).append(" of the Robotics Club; ").append(who.society())
          .append(" treasurer; member of ").append(who.group()).append('\n');
      b.append(who.marital().substring(0, 1).toUpperCase(Locale.ROOT))
          .append(who.marital().substring(1)).append(", ").append(who.parent())
          .append(" of two; volunteer tutor in ").append(skills.get(skills.size() - 1)).append('\n');
      b.append('\n').append("REFERENCES\n");
      b.append("Available on request from ").append(name).append('\n');
      return b.toString();
    }
  }
}
