package io.hypermax.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.hypermax.core.stability.API;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of issue #12, checked on the compiled main classes of all six modules (the CLI's
 * class path holds them all): no package cycle anywhere, every public top-level type and every package
 * carries {@link API}, and the plugin SPI never exposes an internal package.
 *
 * <p>Each rule is also run on a deliberate fixture (a two-package cycle, an unmarked type) to show it
 * fails when it should.
 */
class PackageRulesTest {
  /** Main classes only: test classes and test-jars (the contract kit, fixtures) are not API. */
  private static final ImportOption MAIN_ONLY = location ->
      !location.contains("/test-classes/") && !location.contains("-tests.jar");

  private static JavaClasses main;

  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.hypermax.(**)").should().beFreeOfCycles();

  static final ArchRule PUBLIC_TYPES_ARE_MARKED = classes().that().arePublic().and().areTopLevelClasses()
      .should().beAnnotatedWith(API.class)
      .because("every public type states its stability (docs/plugins.md)");

  static final ArchRule SPI_EXPOSES_NO_INTERNALS = noClasses().that().resideInAPackage("io.hypermax.core.spi..")
      .should().dependOnClassesThat().resideInAPackage("..internal..")
      .because("a plugin written against the SPI must not need internal types");

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(MAIN_ONLY).importPackages("io.hypermax");
    // a misconfigured class path would make every rule pass vacuously
    for (String pkg : Set.of("io.hypermax.core.spi", "io.hypermax.optimizers.internal.tpe",
        "io.hypermax.executors.internal.jvm", "io.hypermax.results.internal.detail", "io.hypermax.cli",
        "io.hypermax.examples.library")) {
      assertTrue(main.containPackage(pkg), "classes of " + pkg + " were not imported");
    }
  }

  @Test
  void noPackageCycles() {
    NO_PACKAGE_CYCLES.check(main);
  }

  @Test
  void everyPublicTypeIsMarked() {
    PUBLIC_TYPES_ARE_MARKED.check(main);
  }

  @Test
  void everyPackageIsMarkedInItsPackageInfo() {
    Set<String> unmarked = new TreeSet<>();
    for (JavaClass c : main) {
      JavaPackage pkg = c.getPackage();
      if (!pkg.isAnnotatedWith(API.class)) {
        unmarked.add(pkg.getName());
      }
    }
    assertTrue(unmarked.isEmpty(), "packages without a package-info marked @API: " + unmarked);
  }

  @Test
  void theSpiExposesNoInternalPackage() {
    SPI_EXPOSES_NO_INTERNALS.check(main);
  }

  @Test
  void theRulesFailOnADeliberateCycleAndAnUnmarkedType() {
    JavaClasses fixtures = new ClassFileImporter().importPackages("io.hypermax.cli.packagerules");
    EvaluationResult cycle = NO_PACKAGE_CYCLES.evaluate(fixtures);
    assertTrue(cycle.hasViolation(), "the cycle rule missed packagerules.cycle.a <-> b");
    EvaluationResult unmarked = PUBLIC_TYPES_ARE_MARKED.evaluate(fixtures);
    assertTrue(unmarked.hasViolation(), "the marker rule missed packagerules.unmarked.Unmarked");
    assertTrue(unmarked.getFailureReport().toString().contains("Unmarked"), unmarked.getFailureReport().toString());
    assertFalse(main.containPackage("io.hypermax.cli.packagerules"), "test fixtures leaked into the main import");
  }
}
