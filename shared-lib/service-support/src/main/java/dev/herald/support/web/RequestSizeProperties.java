package dev.herald.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * The largest request body a service takes ({@code herald.http.max-request-size}), and exceptions for
 * the few paths built to take more ({@code herald.http.path-limits[n].path} and {@code .max-size}). A feature
 * whose limit is one of its own settings, such as a bulk import streamed line by line, declares a
 * {@link PathLimit} bean instead; a configured limit for the same path wins over it.
 */
@ConfigurationProperties("herald.http")
public record RequestSizeProperties(DataSize maxRequestSize, List<PathLimit> pathLimits) {

    public RequestSizeProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(256) : maxRequestSize;
        pathLimits = pathLimits == null ? List.of() : List.copyOf(pathLimits);
    }

    /**
     * @param path    an exact path, or a prefix ending in {@code /**}
     * @param maxSize the largest body taken on that path
     */
    public record PathLimit(String path, DataSize maxSize) {

        boolean matches(String requestPath) {
            return path.endsWith("/**")
                    ? requestPath.startsWith(path.substring(0, path.length() - 2))
                    : requestPath.equals(path);
        }
    }
}
