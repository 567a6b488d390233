package dev.steward.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard that keeps fakes honest: every port in the sub-packages of {@code application.port} and every extension
 * point of the SPI ({@code IntegrationProvider}, {@code Directory}) has a {@code <Port>Contract} kit beside it (same
 * package, in application's test sources), and every concrete implementation anywhere in the product has a test class
 * extending that kit. Reads the compiled classes of all modules (bootstrap builds last in the reactor, so they
 * exist).
 */
class ContractCoverageTest {

    /** Ports without a kit of their own, and why. */
    private static final Map<String, String> NO_KIT = Map.of(
            "UnitOfWork", "exercised by every store kit, each of which runs its writes and claims through one",
            "ControlPlane", "the agent's view of the agent API: tested end to end against the real routes "
                    + "(AgentGatewayRoutesTest)");

    private static JavaClasses production;
    private static JavaClasses tests;

    @BeforeAll
    static void importAllModules() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> main = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(Files::isDirectory).forEach(module -> {
                Path classes = module.resolve("target/classes");
                Path testClasses = module.resolve("target/test-classes");
                if (Files.isDirectory(classes)) {
                    main.add(classes);
                }
                if (Files.isDirectory(testClasses)) {
                    test.add(testClasses);
                }
            });
        }
        production = new ClassFileImporter().importPaths(main);
        tests = new ClassFileImporter().withImportOption(new ImportOption.OnlyIncludeTests()).importPaths(test);
        assertThat(main).as("compiled modules found under %s", root).hasSizeGreaterThanOrEqualTo(6);
    }

    /** The SPI's interfaces that third parties implement and that have a kit of their own. */
    private static final List<String> SPI_WITH_KITS = List.of("IntegrationProvider", "Directory");

    private static List<JavaClass> ports() {
        return production.stream()
                .filter(c -> c.isInterface() && (ArchitectureTest.isInAPortPackage(c)
                        || c.getPackageName().equals("dev.steward.application.spi")
                        && SPI_WITH_KITS.contains(c.getSimpleName())))
                .filter(c -> c.getEnclosingClass().isEmpty())
                .filter(c -> !c.getSimpleName().equals("package-info")) // a package's Javadoc, not a port
                .filter(c -> !c.reflect().isSealed()) // sealed result types (ReasonerStep, ...) are values, not ports
                .toList();
    }

    @Test
    void everyPortHasAContractKit() {
        assertThat(ports()).isNotEmpty();
        for (JavaClass port : ports()) {
            if (NO_KIT.containsKey(port.getSimpleName())) {
                continue;
            }
            assertThat(tests.contain(kitOf(port)))
                    .as("%s has a contract kit %s, beside it", port.getSimpleName(), kitOf(port))
                    .isTrue();
        }
    }

    @Test
    void everyImplementationOfAPortPassesItsKit() {
        List<String> missing = new ArrayList<>();
        for (JavaClass port : ports()) {
            if (NO_KIT.containsKey(port.getSimpleName())) {
                continue;
            }
            String kitName = kitOf(port);
            if (!tests.contain(kitName)) {
                continue; // reported by everyPortHasAContractKit
            }
            JavaClass kit = tests.get(kitName);
            for (JavaClass implementation : port.getAllSubclasses()) {
                if (implementation.getModifiers().contains(JavaModifier.ABSTRACT) || implementation.isInterface()
                        || implementation.isAnonymousClass() || !implementation.getPackageName().startsWith("dev.steward")) {
                    continue;
                }
                boolean tested = tests.stream().anyMatch(test -> test.isAssignableTo(kit.getName())
                        && mentions(test, implementation));
                if (!tested) {
                    missing.add(implementation.getName() + " (needs a test extending " + kit.getSimpleName() + ")");
                }
            }
        }
        assertThat(missing).as("implementations without their contract kit").isEmpty();
    }

    /** A port's kit sits beside it, in the same package of the application's test sources (its test-jar). */
    private static String kitOf(JavaClass port) {
        return port.getName() + "Contract";
    }

    /**
     * A kit subclass covers an implementation when it is named for it ({@code <Implementation>Test} or {@code …IT},
     * STYLE.md B.2), is nested in such a class, or refers to it directly.
     */
    private static boolean mentions(JavaClass test, JavaClass implementation) {
        if (test.getEnclosingClass().isPresent() && mentions(test.getEnclosingClass().get(), implementation)) {
            return true; // a @Nested kit inside the implementation's test class
        }
        String name = test.getSimpleName();
        if (name.equals(implementation.getSimpleName() + "Test") || name.equals(implementation.getSimpleName() + "IT")) {
            return true;
        }
        return test.getDirectDependenciesFromSelf().stream()
                .anyMatch(dependency -> dependency.getTargetClass().getName().equals(implementation.getName()));
    }
}
