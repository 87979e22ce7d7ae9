package org.rolematch.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rolematch.ingest.PostingJson;
import org.rolematch.ingest.PostingParser;
import org.rolematch.model.Role;
import org.rolematch.taxonomy.Taxonomy;

/** The quality gate of the posting parser on the real postings of the development set. */
class DevSetPostingsTest {
  @Test
  void parserAgreesWithGoldOnTheDevelopmentSet() throws Exception {
    Path dev = DevSet.require();
    PostingParser parser = PostingParser.of(Taxonomy.defaults());
    PostingEvaluation eval = new PostingEvaluation();
    List<Path> golds;
    try (Stream<Path> s = Files.list(dev.resolve("gold"))) {
      golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path g : golds) {
      String name = g.getFileName().toString().replace(".json", "");
      List<Role> gold = PostingJson.read(Files.readString(g), g.toString());
      List<Role> predicted = parser.parse(dev.resolve("postings").resolve(name + ".txt")).roles();
      eval.add(name, gold, predicted);
    }
    String report = eval.report();
    assertTrue(eval.roles().f1() >= 0.95, "roles F1 below 0.95\n" + report);
    assertTrue(eval.items().f1() >= 0.85, "requirement items F1 below 0.85\n" + report);
  }
}
