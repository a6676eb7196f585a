package dev.herald.support.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Map;

/**
 * Refuses a token whose role acts for someone but that does not say for whom: a UNIT (or UNIT_REVIEWER) token
 * without a {@code unit} claim, a SUBSCRIBER token without {@code subscriber}. Other identity providers issue such
 * tokens (and Keycloak does when it drops an attribute it does not manage); an endpoint that filtered by
 * a missing claim would show every unit's data. Checked once, when the token is read, for every endpoint.
 */
public final class ActsForClaims implements OAuth2TokenValidator<Jwt> {

    private static final Map<String, String> CLAIM_BY_ROLE = Map.of("UNIT", "unit", "UNIT_REVIEWER", "unit",
            "SUBSCRIBER", "subscriber");

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> roles = token.getClaimAsStringList(HeraldSecurity.ROLES_CLAIM);
        if (roles == null) {
            return OAuth2TokenValidatorResult.success();
        }
        for (String role : roles) {
            String claim = CLAIM_BY_ROLE.get(role);
            if (claim != null && (token.getClaimAsString(claim) == null || token.getClaimAsString(claim).isBlank())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "a " + role + " token must name its " + claim + " in the '" + claim + "' claim", null));
            }
        }
        return OAuth2TokenValidatorResult.success();
    }
}
