package dev.steward.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the control plane writes to standard output with the production {@code logback.xml}, for tests to read. */
final class ProductionTextLog {

    private ProductionTextLog() {
    }

    /** The lines {@code logging} writes through {@code logger}; the tests' own configuration is restored after. */
    static List<String> lines(String logger, Consumer<Logger> logging) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            configure(context, "/logback.xml");
            logging.accept(LoggerFactory.getLogger(logger));
        } finally {
            System.setOut(console);
            configure(context, "/logback-test.xml");
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void configure(LoggerContext context, String resource) throws Exception {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ProductionTextLog.class.getResource(resource));
    }
}
