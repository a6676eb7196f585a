package dev.herald.support.apidocs;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call an endpoint, asked of the service's own access rules rather than written beside them: the
 * security chain's authorization manager decides a request to the path for anonymous callers and for a token
 * of each role. So the document states the roles the running code enforces, and cannot drift from them.
 * (What an endpoint checks beyond the role, such as a report belonging to the token's unit, is in its text.)
 */
final class WhoMayCall {

    /** The roles the platform's issuer puts in tokens ({@code roles} claim), as docs/security.md lists them. */
    static final List<String> ROLES = List.of("UNIT", "UNIT_REVIEWER", "MODERATOR", "LEADER", "ADMIN", "SUBSCRIBER");
    static final String ANYONE = "anyone";

    private final List<AuthorizationManager<HttpServletRequest>> managers;

    WhoMayCall(List<SecurityFilterChain> chains) {
        this.managers = new ArrayList<>();
        for (SecurityFilterChain chain : chains) {
            chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                    .map(f -> ((AuthorizationFilter) f).getAuthorizationManager()).forEach(managers::add);
        }
    }

    /** {@code [anyone]} for an endpoint open without a token, else the roles it grants; empty when no one may (or unknown). */
    List<String> roles(String method, String pathTemplate) {
        if (managers.isEmpty()) {
            return List.of();
        }
        HttpServletRequest request = request(method, pathTemplate.replaceAll("\\{[^}]+}", "x"));
        if (granted(request, new AnonymousAuthenticationToken("api-docs", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))) {
            return List.of(ANYONE);
        }
        return ROLES.stream().filter(role -> granted(request, UsernamePasswordAuthenticationToken.authenticated("api-docs", null,
                AuthorityUtils.createAuthorityList("ROLE_" + role)))).toList();
    }

    private boolean granted(HttpServletRequest request, Authentication caller) {
        for (AuthorizationManager<HttpServletRequest> manager : managers) {
            AuthorizationResult result = manager.authorize(() -> caller, request);
            if (result == null || !result.isGranted()) {
                return false;
            }
        }
        return true;
    }

    /** Just enough of a request for the chain's matchers: method, path, attributes, a plain dispatch. */
    private static HttpServletRequest request(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletMapping mapping = (HttpServletMapping) Proxy.newProxyInstance(WhoMayCall.class.getClassLoader(),
                new Class<?>[]{HttpServletMapping.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMappingMatch" -> MappingMatch.DEFAULT;
                    case "getMatchValue", "getServletName" -> "";
                    case "getPattern" -> "/";
                    default -> nothing(m.getReturnType());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(WhoMayCall.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI", "getServletPath" -> path;
                    case "getRequestURL" -> new StringBuffer("http://localhost" + path);
                    case "getContextPath" -> "";
                    case "getHttpServletMapping" -> mapping;
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames", "getHeaderNames", "getParameterNames" -> Collections.emptyEnumeration();
                    case "getHeaders" -> Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 80;
                    case "isSecure" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + path;
                    default -> nothing(m.getReturnType());
                });
    }

    private static Object nothing(Class<?> type) {
        if (type == boolean.class) return false;
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        return null;
    }
}
