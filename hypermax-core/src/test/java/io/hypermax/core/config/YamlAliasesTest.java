package io.hypermax.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hypermax.core.space.NumberDistribution;
import io.hypermax.core.space.SearchSpace;
import io.hypermax.core.space.SpaceParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import io.hypermax.core.internal.config.ConfigLoader;

/** YAML anchors, aliases and merge keys mean what YAML says, and alias bombs are refused quickly. */
class YamlAliasesTest {

  @Test
  void aliasOfAMappingIsTheMappingNotItsName() {
    SearchSpace space = SpaceParser.parse(ConfigLoader.parseTree("s.yaml", """
        type: object
        properties:
          a: &unit {type: number, min: 0, max: 1}
          b: *unit
        """));
    NumberDistribution b = (NumberDistribution) space.get("b").distribution();
    assertEquals(0.0, b.min());
    assertEquals(1.0, b.max());
  }

  @Test
  void mergeKeyCopiesTheBaseAndLetsKeysOverrideIt() {
    SearchSpace space = SpaceParser.parse(ConfigLoader.parseTree("s.yaml", """
        type: object
        properties:
          a: &base {type: number, min: 0, max: 1}
          b:
            <<: *base
            max: 5
        """));
    NumberDistribution b = (NumberDistribution) space.get("b").distribution();
    assertEquals(0.0, b.min());
    assertEquals(5.0, b.max());
  }

  @Test
  void billionLaughsIsRefusedQuicklyWithAClearLine() {
    StringBuilder doc = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      doc.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        doc.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      doc.append("]\n");
    }
    ConfigException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(ConfigException.class, () -> ConfigLoader.parseTree("bomb.yaml", doc.toString())));
    assertTrue(e.problem().startsWith("YAML document refused: "), e.problem());
    assertTrue(e.problem().contains("aliases"), "names the alias limit: " + e.problem());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void recursiveAliasIsRefusedNotAStackOverflow() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.parseTree("r.yaml", "a: &x [1, *x]\n"));
    assertTrue(e.problem().contains("recursive") || e.problem().contains("refused"), e.problem());
  }

  @Test
  void deepNestingIsRefusedWithTheLimit() {
    String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parseTree("d.yaml", deep));
    assertTrue(e.problem().toLowerCase().contains("nesting"), e.problem());
  }

  @Test
  void scalarsKeepTheirYamlTypes() {
    JsonNode t = ConfigLoader.parseTree("t.yaml", "a: yes\nb: 2020-01-01\nc: 0x1F\nd: 1_000\ne: ~\nf: 1.5e3\ng: '1'\nh: 12345678901234\n");
    assertTrue(t.get("a").isBoolean());
    assertEquals("2020-01-01", t.get("b").asText());
    assertEquals(31, t.get("c").asInt());
    assertEquals(1000, t.get("d").asInt());
    assertTrue(t.get("e").isNull());
    assertEquals(1500.0, t.get("f").asDouble());
    assertTrue(t.get("g").isTextual());
    assertEquals(12345678901234L, t.get("h").asLong());
  }

  @Test
  void duplicateKeyIsStillAnErrorWithItsLine() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parseTree("d.yaml", "a: 1\nb: 2\na: 3\n"));
    assertTrue(e.problem().contains("duplicate key"), e.problem());
    assertTrue(e.problem().contains("line 3"), e.problem());
  }

  @Test
  void infiniteBoundIsReportedAsNotFiniteNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> SpaceParser.parse(ConfigLoader.parseTree("s.yaml",
        "type: object\nproperties:\n  x: {type: number, min: 0, max: .inf}\n")));
    assertEquals("hyperparameters.x.max", e.path());
    assertTrue(e.problem().startsWith("the bound must be finite"), e.problem());
  }

  @Test
  void nanBoundIsReportedAsNotFiniteNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> SpaceParser.parse(ConfigLoader.parseTree("s.yaml",
        "type: object\nproperties:\n  x: {type: number, min: .nan, max: 1}\n")));
    assertEquals("hyperparameters.x.min", e.path());
    assertTrue(e.problem().contains("the bound must be finite, found .nan"), e.problem());
  }

  @Test
  void jsonWithAByteOrderMarkIsAccepted() {
    JsonNode t = ConfigLoader.parseTree("c.json", "\uFEFF{\"a\": 1}");
    assertEquals(1, t.get("a").asInt());
    JsonNode y = ConfigLoader.parseTree("c.yaml", "\uFEFFa: 1\n");
    assertEquals(1, y.get("a").asInt());
  }
}
