package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.taxonomy.Taxonomy;

class ProxyLintTest {
  private static List<ProxyLint.Attribute> attributes(String text) {
    return ProxyLint.check(text).stream().map(ProxyLint.Warning::attribute).distinct().toList();
  }

  @Test
  void wordingThatProxiesForAgeIsFlagged() {
    assertEquals(List.of(ProxyLint.Attribute.AGE), attributes("Recent graduates welcome to apply."));
    assertEquals(List.of(ProxyLint.Attribute.AGE), attributes("Join our young and dynamic team"));
    assertEquals(List.of(ProxyLint.Attribute.AGE), attributes("Candidates aged 25-35."));
  }

  @Test
  void nativeSpeakerAndGenderedWordsAreFlagged() {
    assertEquals(List.of(ProxyLint.Attribute.NATIONAL_ORIGIN), attributes("Native English speaker required"));
    assertEquals(List.of(ProxyLint.Attribute.GENDER), attributes("The salesman will own key accounts."));
  }

  @Test
  void equalOpportunityStatementsAndOrdinaryWordsAreNotFlagged() {
    assertTrue(ProxyLint.check("We consider applicants without regard to age, gender, national origin "
        + "or marital status.").isEmpty());
    assertTrue(ProxyLint.check("Experience with page layouts and message queues").isEmpty());
    assertTrue(ProxyLint.check("Youngstown office; Native app development in Swift").isEmpty());
    assertTrue(ProxyLint.check("4+ years of experience").isEmpty());
  }

  @Test
  void parseReportsWarningsWithTheSentence() throws Exception {
    ParsedPosting p = PostingParser.of(Taxonomy.defaults()).parse(
        "Account Executive\nRequirements:\n- Recent college graduate with a bachelor's degree\n"
            + "- Native speaker of German\n", "lint");
    assertEquals(2, p.warnings().size(), p.warnings().toString());
    assertTrue(p.warnings().get(0).evidence().text().startsWith("Recent college graduate"));
  }
}
