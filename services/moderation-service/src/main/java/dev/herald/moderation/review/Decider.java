package dev.herald.moderation.review;

import dev.herald.moderation.workflow.Roles;

import java.util.List;

/** Who decides, and the roles their token gives them: a stage is decided only under the role it names. */
record Decider(String name, List<String> roles) {

    Decider {
        roles = List.copyOf(roles);
    }

    static Decider moderator(String name) {
        return new Decider(name, List.of(Roles.MODERATOR));
    }

    boolean holds(String role) {
        return roles.contains(role);
    }
}
