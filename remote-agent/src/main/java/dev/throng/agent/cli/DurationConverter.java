package dev.throng.agent.cli;

import dev.throng.engine.project.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations such as {@code 30s}, {@code 2m}, {@code 1h30m} or {@code 500ms} for picocli options. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration; use for example 30s, 2m, 1h30m or 500ms");
        }
    }
}
