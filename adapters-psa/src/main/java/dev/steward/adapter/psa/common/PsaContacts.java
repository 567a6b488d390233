package dev.steward.adapter.psa.common;

import dev.steward.application.problem.NotFound;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The people of a PSA company (ConnectWise contacts, Halo users, Autotask contacts), as the PSA tools read them. */
public interface PsaContacts {

    /** One person: the PSA's id, name, e-mail address and phone (each may be empty). */
    record Contact(String id, String name, String email, String phone) {
        public Contact {
            Objects.requireNonNull(id, "id");
            name = name == null ? "" : name;
            email = email == null ? "" : email;
            phone = phone == null ? "" : phone;
        }
    }

    /**
     * The active contacts of {@code companyId}, every page, oldest first; only the one(s) with that e-mail address
     * (ignoring case) when {@code email} is given.
     */
    List<Contact> contacts(String companyId, Optional<String> email);

    /** @throws NotFound ({@code company}) for an id no PSA here could have (they are all numeric) */
    static String numericCompany(String companyId) {
        if (companyId == null || !companyId.matches("[0-9]{1,18}")) {
            throw new NotFound("company", String.valueOf(companyId));
        }
        return companyId;
    }
}
