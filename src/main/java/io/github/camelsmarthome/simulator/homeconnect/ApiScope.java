package io.github.camelsmarthome.simulator.homeconnect;

import java.util.Set;

/**
 * The scopes of brief section 2.1 and which of them an endpoint needs. A generic scope
 * ({@code Monitor}) covers every appliance; {@code Washer-Monitor} one type; a row grant such as
 * {@code Washer} covers that type's Monitor, Control and Settings.
 */
enum ApiScope {
    IDENTIFY_APPLIANCE("IdentifyAppliance"),
    MONITOR("Monitor"),
    CONTROL("Control"),
    SETTINGS("Settings"),
    IMAGES("Images");

    private final String scopeName;

    ApiScope(String scopeName) {
        this.scopeName = scopeName;
    }

    String scopeName() {
        return scopeName;
    }

    /** Whether the granted scopes allow this on an appliance of the type ({@code null}: any appliance). */
    boolean grantedBy(Set<String> scopes, String applianceType) {
        if (scopes.contains(scopeName)) {
            return true;
        }
        if (this == IDENTIFY_APPLIANCE) {
            return false;
        }
        if (applianceType == null) {
            return scopes.stream().anyMatch(scope -> scope.endsWith("-" + scopeName) || (this != IMAGES && isRowGrant(scope)));
        }
        boolean rowGrant = this != IMAGES && scopes.contains(applianceType);
        return rowGrant || scopes.contains(applianceType + "-" + scopeName);
    }

    /** A type name such as {@code Washer}: not a generic scope and not a {@code Type-Cell} scope. */
    private static boolean isRowGrant(String scope) {
        for (ApiScope generic : values()) {
            if (generic.scopeName.equals(scope)) {
                return false;
            }
        }
        return !scope.contains("-");
    }

    void require(AccessGrant grant, String applianceType) {
        if (!grantedBy(grant.scopes(), applianceType)) {
            String needed = applianceType == null ? scopeName : scopeName + " or " + applianceType + "-" + scopeName;
            throw new ApiErrorException(ApiError.insufficientScope(needed));
        }
    }
}
