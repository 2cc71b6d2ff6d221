package io.github.camelsmarthome.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures everything logged under a logger name at every level (TRACE included), through the
 * real SLF4J to Log4j 2 binding, for tests that assert what log lines say or do not say.
 */
public final class CapturedLogs implements AutoCloseable {

    /** One captured event: level, formatted message, and the full text of any throwable. */
    public record Line(Level level, String message, String throwable) {

        /** Everything a reader of the log would see for this event. */
        public String fullText() {
            return level + " " + message + (throwable == null ? "" : "\n" + throwable);
        }
    }

    private final String loggerName;
    private final LoggerContext context;
    private final LoggerConfig previous;
    private final Appender appender;

    private CapturedLogs(String loggerName, Level level) {
        this.loggerName = loggerName;
        this.context = LoggerContext.getContext(false);
        Configuration configuration = context.getConfiguration();
        this.previous = configuration.getLoggers().get(loggerName);
        this.appender = new Appender();
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig capture = new LoggerConfig(loggerName, level, false);
        capture.addAppender(appender, level, null);
        if (previous != null) {
            configuration.removeLogger(loggerName);
        }
        configuration.addLogger(loggerName, capture);
        context.updateLoggers();
    }

    /** Starts capturing everything logged under {@code loggerName} until {@link #close()}. */
    public static CapturedLogs capture(String loggerName) {
        return new CapturedLogs(loggerName, Level.ALL);
    }

    /**
     * Starts capturing what is logged under {@code loggerName} at {@code level} and above, for
     * libraries whose TRACE would flood the test (a Kafka broker in the same JVM).
     */
    public static CapturedLogs capture(String loggerName, Level level) {
        return new CapturedLogs(loggerName, level);
    }

    public List<Line> lines() {
        return List.copyOf(appender.lines);
    }

    public List<Line> atLevel(Level level) {
        return appender.lines.stream().filter(line -> line.level() == level).collect(Collectors.toList());
    }

    /** All captured text, messages and stack traces, one string. */
    public String allText() {
        return appender.lines.stream().map(Line::fullText).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.removeLogger(loggerName);
        if (previous != null) {
            configuration.addLogger(loggerName, previous);
        }
        context.updateLoggers();
        appender.stop();
    }

    private static final class Appender extends AbstractAppender {

        private final List<Line> lines = new CopyOnWriteArrayList<>();

        Appender() {
            super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String throwable = null;
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                throwable = trace.toString();
            }
            lines.add(new Line(event.getLevel(), event.getMessage().getFormattedMessage(), throwable));
        }
    }
}
