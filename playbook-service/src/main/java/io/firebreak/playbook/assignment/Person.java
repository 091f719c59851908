package io.firebreak.playbook.assignment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An OIDC user as a crisis manager names them: the token subject is what identifies them. */
public record Person(
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 200) String username,
        @Email @Size(max = 320) String email) {
}
