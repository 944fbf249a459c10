package io.hypermax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** hypermax-bom lists every module of the parent, at the parent's version, so one import pins them all. */
class BomTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static String version(String pom) {
    Matcher m = Pattern.compile("<artifactId>hypermax-(?:parent|bom)</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(m.find(), "no version");
    return m.group(1);
  }

  @Test
  void theBomListsEveryModuleAtTheParentsVersion() throws Exception {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("hypermax-bom/pom.xml"));
    assertEquals(version(parent), version(bom), "hypermax-bom's version must move with the parent's");
    Set<String> modules = new TreeSet<>();
    Matcher m = Pattern.compile("<module>(hypermax-[\\w-]+)</module>").matcher(parent);
    while (m.find()) {
      if (!m.group(1).equals("hypermax-bom")) {
        modules.add(m.group(1));
      }
    }
    assertEquals(6, modules.size(), "the six modules: " + modules);
    Set<String> listed = new TreeSet<>();
    Matcher d = Pattern.compile("<artifactId>(hypermax-[\\w-]+)</artifactId>\\s*<version>\\$\\{project.version}</version>").matcher(bom);
    while (d.find()) {
      listed.add(d.group(1));
    }
    assertEquals(modules, listed);
    assertTrue(!bom.contains("<parent>"), "the BOM must not inherit the parent's third-party versions");
  }
}
