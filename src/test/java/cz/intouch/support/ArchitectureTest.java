package cz.intouch.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package map of the README, kept true: capabilities form layers over the ticket kernel, wiring is imported
 * by nobody, and the engine is used through its public API.
 */
@AnalyzeClasses(packages = "cz.intouch.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("cz.intouch.support.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theTicketKernelImportsNothingOfOurs = noClasses()
      .that().resideInAPackage("cz.intouch.support.ticket..")
      .should().dependOnClassesThat().resideOutsideOfPackages("cz.intouch.support.ticket..", "java..", "javax..",
          "jakarta..", "org.camunda.bpm.engine..", "org.springframework..", "org.slf4j..")
      .because("every capability builds on the ticket kernel; it must not build on them");

  @ArchTest
  static final ArchRule nobodyImportsTheWiring = noClasses()
      .that().resideOutsideOfPackage("cz.intouch.support.config..")
      .and().doNotHaveSimpleName("SupportDeskApplication")
      .should().dependOnClassesThat().resideInAPackage("cz.intouch.support.config..")
      .because("config wires the capabilities together; a capability that needs something there owns it");

  @ArchTest
  static final ArchRule noShadedOrInterpreterInternals = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("camunda.shaded..", "org.camunda.feel..",
          "org.camunda.bpm.dmn.feel.impl..", "org.camunda.bpm.engine.impl.persistence..",
          "org.camunda.bpm.engine.impl.interceptor..", "org.camunda.bpm.engine.impl.context..")
      .because("Camunda 7 CE is end-of-life: public engine APIs keep the move to Operaton cheap");

  @ArchTest
  static final ArchRule onlyTheDeskClockReadsTheEngineClock = noClasses()
      .that().doNotHaveFullyQualifiedName("cz.intouch.support.ticket.DeskTime")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
      .because("DeskTime is the one clock: tests that move the engine clock move everything");
}
