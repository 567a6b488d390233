package dev.steward.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.steward.adapter.m365.archfixture.AdapterBuiltOnAnInMemoryAdapter;
import dev.steward.adapter.web.archfixture.RouteCallingAPort;
import dev.steward.adapter.web.archfixture.WebAdapterReachingIntoPersistence;
import dev.steward.adapter.web.archfixture.cycle.gate.Gate;
import dev.steward.adapter.web.archfixture.cycle.pages.Page;
import dev.steward.application.archfixture.ServicePrinting;
import dev.steward.application.archfixture.ServiceUsingFrameworks;
import dev.steward.application.archfixture.ServiceWithFieldInjection;
import dev.steward.application.archfixture.ServiceWithMethodInjection;
import dev.steward.application.archfixture.UseCaseReachingIntoBootstrap;
import dev.steward.application.archfixture.UseCaseWithoutService;
import dev.steward.domain.archfixture.DomainTypeUsingIo;
import dev.steward.domain.archfixture.MutableDomainType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule (domain ← application ← adapters ← bootstrap) and the design rules of STYLE.md B.11.
 * Each rule is also run against a fixture class that breaks it, so a typo in a package name cannot leave a rule
 * silently checking nothing.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the application test-jar (contract kits) is on this module's test class path: not production
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.steward");
    }

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes().that().resideInAPackage("dev.steward.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.steward.domain..", "java.lang..",
                    "java.util..", "java.time..", "java.math..")
            .because("the domain is pure Java: no frameworks and no I/O (ARCHITECTURE.md)");

    static final ArchRule APPLICATION_USES_DOMAIN_AND_JAKARTA_ONLY = classes()
            .that().resideInAPackage("dev.steward.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.steward.domain..", "dev.steward.application..",
                    "java.lang..", "java.util..", "java.time..", "java.math..", "java.security..", "java.nio.charset..",
                    "jakarta.inject..", "jakarta.validation..")
            .because("application sees the domain and the jakarta annotations only; technology lives in adapters");

    static final ArchRule ADAPTERS_DO_NOT_TOUCH_EACH_OTHER = slices().matching("dev.steward.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("adapters are swappable: each depends on application and domain only");

    static final ArchRule ADAPTERS_DO_NOT_BUILD_ON_IN_MEMORY_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.steward.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.steward.application.inmemory..")
            .because("the in-memory adapters serve embedding and tests; what production code shares lives in the"
                    + " core's own packages (a listed Directory is Directory.of)");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage("dev.steward.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.steward.bootstrap..")
            .because("bootstrap is the composition root; only it sees everything");

    static final ArchRule GUICE_STAYS_IN_MODULES = noClasses()
            .that().resideOutsideOfPackage("dev.steward.bootstrap..")
            .and().haveSimpleNameNotEndingWith("Module")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("wiring is visible: Guice only in *Module classes and bootstrap (STYLE.md B.10)");

    static final ArchRule NO_FIELD_INJECTION = fields().should().notBeAnnotatedWith(jakarta.inject.Inject.class)
            .andShould().notBeAnnotatedWith(com.google.inject.Inject.class)
            .because("constructor injection only");

    static final ArchRule NO_METHOD_INJECTION = methods().should().notBeAnnotatedWith(jakarta.inject.Inject.class)
            .andShould().notBeAnnotatedWith(com.google.inject.Inject.class)
            .because("constructor injection only");

    static final ArchRule DOMAIN_IS_IMMUTABLE = classes().that().resideInAPackage("dev.steward.domain..")
            .should(beImmutable())
            .because("domain objects are values: records, enums, sealed interfaces or final classes with final fields");

    static final ArchRule EVERY_USE_CASE_HAS_ITS_SERVICE = classes()
            .that().resideInAPackage("dev.steward.application..").and().haveSimpleNameEndingWith("UseCase")
            .should(haveOneServiceInTheSamePackage())
            .because("one use-case interface per capability, implemented by <Name>Service beside it");

    static final ArchRule FRAMEWORKS_STAY_IN_THEIR_ADAPTER = noClasses()
            .that().resideOutsideOfPackages("dev.steward.adapter.web..", "dev.steward.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("HTTP is the web adapter's business");

    static final ArchRule PERSISTENCE_STAYS_IN_ITS_ADAPTER = noClasses()
            .that().resideOutsideOfPackages("dev.steward.adapter.persistence..", "dev.steward.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.postgresql..", "org.flywaydb..",
                    "java.sql..")
            .because("SQL is the persistence adapter's business");

    static final ArchRule DOCKER_STAYS_IN_ITS_ADAPTER = noClasses()
            .that().resideOutsideOfPackages("dev.steward.adapter.docker..", "dev.steward.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
            .because("the Docker engine is the docker adapter's business");

    static final ArchRule METRICS_STAY_IN_THE_WEB_ADAPTER = noClasses()
            .that().resideOutsideOfPackages("dev.steward.adapter.web..", "dev.steward.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("the core reports through the MetricsRecorder port; Micrometer is one adapter's way to serve it");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.steward.(**)")
            .should().beFreeOfCycles()
            .because("packages form layers: a cycle makes two packages one that cannot be understood apart");

    static final ArchRule WEB_USES_USE_CASES_NOT_PORTS = classes().that().resideInAPackage("dev.steward.adapter.web..")
            .and().haveSimpleNameNotEndingWith("Module")
            .should(notUseAPortItDoesNotImplement())
            .because("the web adapter drives the core through its use cases; an outbound port is the core's to call"
                    + " (the web adapter may implement one, e.g. the password hasher)");

    static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .that().resideInAPackage("dev.steward..").and().doNotHaveFullyQualifiedName(Main.class.getName())
            // the agent's logger: where its log lines go
            .and().doNotHaveFullyQualifiedName(AgentLogProvider.class.getName())
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("logs go through a logger, so they can be routed and structured");

    @Test
    void domainUsesOnlyTheJdk() {
        DOMAIN_USES_ONLY_THE_JDK.check(production);
        assertFailsOn(DOMAIN_USES_ONLY_THE_JDK, DomainTypeUsingIo.class);
    }

    @Test
    void applicationUsesOnlyDomainAndJakartaAnnotations() {
        APPLICATION_USES_DOMAIN_AND_JAKARTA_ONLY.check(production);
        assertFailsOn(APPLICATION_USES_DOMAIN_AND_JAKARTA_ONLY, ServiceWithFieldInjection.class);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ADAPTERS_DO_NOT_TOUCH_EACH_OTHER.check(production);
        JavaClasses fixture = new ClassFileImporter().importClasses(WebAdapterReachingIntoPersistence.class,
                dev.steward.adapter.persistence.archfixture.PersistenceHelper.class);
        assertThatThrownBy(() -> ADAPTERS_DO_NOT_TOUCH_EACH_OTHER.check(fixture)).isInstanceOf(AssertionError.class);
    }

    @Test
    void adaptersDoNotBuildOnInMemoryAdapters() {
        ADAPTERS_DO_NOT_BUILD_ON_IN_MEMORY_ADAPTERS.check(production);
        assertFailsOn(ADAPTERS_DO_NOT_BUILD_ON_IN_MEMORY_ADAPTERS, AdapterBuiltOnAnInMemoryAdapter.class);
    }

    @Test
    void nothingOutsideBootstrapDependsOnBootstrap() {
        NOTHING_DEPENDS_ON_BOOTSTRAP.check(production);
        assertFailsOn(NOTHING_DEPENDS_ON_BOOTSTRAP, UseCaseReachingIntoBootstrap.class);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        NO_PACKAGE_CYCLES.check(production);
        assertFailsOn(NO_PACKAGE_CYCLES, Page.class, Gate.class);
    }

    @Test
    void theWebAdapterUsesUseCasesAndNeverCallsAPort() {
        WEB_USES_USE_CASES_NOT_PORTS.check(production);
        assertFailsOn(WEB_USES_USE_CASES_NOT_PORTS, RouteCallingAPort.class);
    }

    @Test
    void guiceStaysInModulesAndBootstrap() {
        GUICE_STAYS_IN_MODULES.check(production);
        assertFailsOn(GUICE_STAYS_IN_MODULES, ServiceWithFieldInjection.class);
    }

    @Test
    void injectionIsByConstructorOnly() {
        NO_FIELD_INJECTION.check(production);
        NO_METHOD_INJECTION.check(production);
        assertFailsOn(NO_FIELD_INJECTION, ServiceWithFieldInjection.class);
        assertFailsOn(NO_METHOD_INJECTION, ServiceWithMethodInjection.class);
    }

    @Test
    void domainTypesAreImmutable() {
        DOMAIN_IS_IMMUTABLE.check(production);
        assertFailsOn(DOMAIN_IS_IMMUTABLE, MutableDomainType.class);
    }

    @Test
    void everyUseCaseHasExactlyOneServiceBesideIt() {
        EVERY_USE_CASE_HAS_ITS_SERVICE.check(production);
        assertFailsOn(EVERY_USE_CASE_HAS_ITS_SERVICE, UseCaseWithoutService.class);
    }

    @Test
    void frameworksStayInTheirAdapters() {
        FRAMEWORKS_STAY_IN_THEIR_ADAPTER.check(production);
        PERSISTENCE_STAYS_IN_ITS_ADAPTER.check(production);
        DOCKER_STAYS_IN_ITS_ADAPTER.check(production);
        METRICS_STAY_IN_THE_WEB_ADAPTER.check(production);
        assertFailsOn(PERSISTENCE_STAYS_IN_ITS_ADAPTER, DomainTypeUsingIo.class);
        assertFailsOn(FRAMEWORKS_STAY_IN_THEIR_ADAPTER, ServiceUsingFrameworks.class);
        assertFailsOn(DOCKER_STAYS_IN_ITS_ADAPTER, ServiceUsingFrameworks.class);
        assertFailsOn(METRICS_STAY_IN_THE_WEB_ADAPTER, ServiceUsingFrameworks.class);
    }

    @Test
    void mainCodeLogsInsteadOfPrinting() {
        NO_STANDARD_STREAMS.check(production);
        assertFailsOn(NO_STANDARD_STREAMS, ServicePrinting.class);
    }

    @Test
    void portsLiveInTheSubPackagesOfPort() {
        // application.port holds only sub-packages grouped by what the ports do for the core (port.psa, port.runtime …)
        assertThat(production.stream().filter(type -> type.getPackageName().equals("dev.steward.application.port"))
                .map(JavaClass::getName)).as("types directly in application.port").isEmpty();
    }

    @Test
    void theRulesSeeTheWholeProduct() {
        // guards against an import that finds nothing (every rule would then pass vacuously)
        assertThat(production.containPackage("dev.steward.domain.client")).isTrue();
        assertThat(production.containPackage("dev.steward.application.port.client")).isTrue();
        assertThat(production.containPackage("dev.steward.adapter.web")).isTrue();
        // every adapter module, so "adapters do not depend on each other" sees each of them
        for (String adapter : new String[] {"persistence", "docker", "psa", "llm", "web"}) {
            assertThat(production.containPackage("dev.steward.adapter." + adapter)).as(adapter).isTrue();
        }
        assertThat(production.containPackage("dev.steward.bootstrap")).isTrue();
    }

    private static void assertFailsOn(ArchRule rule, Class<?>... fixtures) {
        JavaClasses imported = new ClassFileImporter().importClasses(fixtures);
        assertThatThrownBy(() -> rule.check(imported))
                .as("rule must fail on its fixture: %s", rule.getDescription())
                .isInstanceOf(AssertionError.class);
    }

    private static ArchCondition<JavaClass> beImmutable() {
        return new ArchCondition<>("be records, enums, interfaces or final classes with only final fields") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isRecord() || type.isEnum() || type.isInterface() || type.isAnonymousClass()) {
                    return;
                }
                boolean sealedBase = type.getModifiers().contains(JavaModifier.ABSTRACT)
                        && type.reflect().isSealed();
                if (!type.getModifiers().contains(JavaModifier.FINAL) && !sealedBase) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is neither final nor sealed"));
                }
                type.getFields().stream()
                        .filter(f -> !f.getModifiers().contains(JavaModifier.FINAL))
                        .forEach(f -> events.add(SimpleConditionEvent.violated(type,
                                type.getName() + "." + f.getName() + " is not final")));
            }
        };
    }

    /** A dependency on an interface of {@code application.port} is allowed only to a class implementing it. */
    private static ArchCondition<JavaClass> notUseAPortItDoesNotImplement() {
        return new ArchCondition<>("not depend on an application.port interface it does not implement") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean port = target.isInterface() && isInAPortPackage(target)
                            && target.getEnclosingClass().isEmpty() && !target.reflect().isSealed();
                    if (port && !type.isAssignableTo(target.getName())) {
                        events.add(SimpleConditionEvent.violated(type, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Ports live in the sub-packages of {@code application.port}, grouped by what they do for the core. */
    static boolean isInAPortPackage(JavaClass type) {
        return type.getPackageName().startsWith("dev.steward.application.port.");
    }

    private static ArchCondition<JavaClass> haveOneServiceInTheSamePackage() {
        return new ArchCondition<>("have exactly one implementation named <Name>Service in the same package") {
            @Override
            public void check(JavaClass useCase, ConditionEvents events) {
                String expected = useCase.getName().replaceFirst("UseCase$", "Service");
                var implementations = useCase.getAllSubclasses();
                boolean ok = implementations.size() == 1
                        && implementations.iterator().next().getName().equals(expected);
                if (!ok) {
                    events.add(SimpleConditionEvent.violated(useCase, useCase.getName() + " should be implemented by "
                            + expected + " only, found " + implementations.stream().map(JavaClass::getName).toList()));
                }
            }
        };
    }
}
