package org.councilbot.core;

import java.util.Objects;

/**
 * How the council may contact the resident about a request; every field may be empty.
 *
 * @param consentToContact the resident agreed to be contacted (confirmations are only sent then)
 */
public record ResidentContact(String name, String email, String phone, boolean consentToContact) {
    public ResidentContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
    }

    public static ResidentContact none() {
        return new ResidentContact("", "", "", false);
    }
}
