package org.entente.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is a pure function: no network, no files, no clocks, no logging, no threads. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.entente");

  @Test
  void theEngineKnowsNothingOfNetworksFilesOrClocks() {
    noClasses()
        .that()
        .resideInAPackage("org.entente.server.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..",
            "java.io..",
            "java.nio..",
            "java.net..",
            "java.time..",
            "java.util.concurrent..",
            "org.slf4j..",
            "ch.qos.logback..",
            "com.fasterxml.jackson..",
            "org.entente.server.net..",
            "org.entente.server.journal..",
            "org.entente.server.game..",
            "org.entente.server.cli..",
            "org.entente.server.sim..")
        .because(
            "the engine must be a pure function of state, orders and seed (RULES.md section 8)")
        .check(CLASSES);
  }

  @Test
  void theEngineDrawsNoUnseededRandomnessAndReadsNoClock() {
    noClasses()
        .that()
        .resideInAPackage("org.entente.server.engine..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Random")
        .check(CLASSES);
  }

  @Test
  void botsSeeOnlyTheApiNotTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("org.entente.client..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.entente.server..")
        .check(CLASSES);
  }
}
