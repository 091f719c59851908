package io.firebreak.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Links links();

    /** Where a role holder reads their briefing; {@code {crisisId}} is replaced. */
    String briefingUrl();

    Delivery delivery();

    Escalation escalation();

    Push push();

    Sms sms();

    /** SMS through a Twilio-style API, failing over to Vonage; each is off without its credentials. */
    interface Sms {

        /** The sender: an E.164 number or an alphanumeric sender id the providers accept. */
        @WithDefault("Firebreak")
        String from();

        @WithDefault("PT10S")
        Duration timeout();

        Twilio twilio();

        Vonage vonage();
    }

    interface Twilio {

        @WithDefault("https://api.twilio.com")
        String baseUrl();

        Optional<String> accountSid();

        /** Also the key Twilio signs its status callbacks with; {@code NOTIFICATION_SMS_TWILIO_AUTH_TOKEN}. */
        Optional<String> authToken();
    }

    interface Vonage {

        @WithDefault("https://rest.nexmo.com")
        String baseUrl();

        Optional<String> apiKey();

        /** {@code NOTIFICATION_SMS_VONAGE_API_SECRET}. */
        Optional<String> apiSecret();
    }

    interface Push {

        /** How long one request to a push provider may take before it counts as a transient failure. */
        @WithDefault("PT10S")
        Duration timeout();

        Fcm fcm();

        Apns apns();
    }

    /** FCM HTTP v1; the values come from the Firebase project's service-account JSON. Off without a project. */
    interface Fcm {

        Optional<String> projectId();

        @WithDefault("https://fcm.googleapis.com")
        String baseUrl();

        /** The service account's {@code token_uri}, where the signed JWT is exchanged for an access token. */
        @WithDefault("https://oauth2.googleapis.com/token")
        String tokenUri();

        /** The service account's {@code client_email}. */
        Optional<String> clientEmail();

        /** The service account's {@code private_key} (PKCS#8 PEM); {@code NOTIFICATION_PUSH_FCM_PRIVATE_KEY}. */
        Optional<String> privateKey();

        /** How often the access token is looked at, and renewed ahead of need when it nears expiry. */
        @WithDefault("1m")
        Duration renewCheck();
    }

    /** APNs with a token-signing key (.p8); off without a team id. */
    interface Apns {

        /** {@code https://api.sandbox.push.apple.com} for development builds of the app. */
        @WithDefault("https://api.push.apple.com")
        String baseUrl();

        Optional<String> teamId();

        Optional<String> keyId();

        /** The .p8 signing key (PKCS#8 PEM, P-256); {@code NOTIFICATION_PUSH_APNS_PRIVATE_KEY}. */
        Optional<String> privateKey();

        /** The app's bundle id, sent as {@code apns-topic}. */
        Optional<String> topic();

        /** APNs refuses a provider token older than an hour and too frequent new ones: renewed after this. */
        @WithDefault("PT50M")
        Duration tokenLifetime();

        /** A PEM certificate to trust besides the JVM's (a local APNs stand-in); none for Apple's servers. */
        Optional<String> trustCertificate();
    }

    interface Escalation {

        /** The playbook role whose holders are the crisis managers an escalation pages last. */
        @WithDefault("Crisis manager")
        String managerRole();

        /** How long a replica owns a claimed escalation step; if it dies, another fires it after this. */
        @WithDefault("PT1M")
        Duration lease();

        /** How often a replica looks for escalation steps falling due within the lookahead. */
        @WithDefault("1s")
        Duration interval();

        /** Steps claimed at once by a replica; a pass claims batch after batch while they come full. */
        @WithDefault("1000")
        int batchSize();

        /**
         * Steps due this soon are claimed ahead and fired on a timer at their deadline (never before): the
         * scheduler ticks once a second, so waiting for the tick after the deadline would make them up to a
         * second late. Two ticks, so that a late tick still claims in time.
         */
        @WithDefault("PT2S")
        Duration lookahead();

        /**
         * Steps due within this of each other are fired together, in one transaction, at the last one's deadline:
         * thousands falling due in a minute cost a few statements per slot instead of a dozen per step.
         */
        @WithDefault("PT0.2S")
        Duration slot();

        /** Slots fired at once per replica when many fall due together. */
        @WithDefault("4")
        int parallelism();
    }

    interface Links {

        /**
         * HMAC-SHA256 key signing acknowledge links, at least 32 characters, shared by all replicas; from the
         * environment ({@code NOTIFICATION_LINKS_KEY}) in prod.
         */
        Optional<String> key();

        /** How long an acknowledge link works after it was sent. */
        @WithDefault("PT24H")
        Duration ttl();

        /** The public address of this service, as the links in e-mails must point to it. */
        String baseUrl();
    }

    interface Delivery {

        /** Attempts per channel before a delivery is given up as failed. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * How often a replica looks for due deliveries (retries, and what it was not told of: see DeliveryJobs);
         * also the chat posts' tick.
         */
        @WithDefault("1s")
        Duration interval();

        /** Wait before the first retry; doubled after each failure. */
        @WithDefault("PT10S")
        Duration retryBackoff();

        /** How long a replica owns a claimed delivery; if it dies, another takes it over after this. */
        @WithDefault("PT1M")
        Duration lease();

        /** Deliveries claimed at once by a replica; a pass claims batch after batch while they come full. */
        @WithDefault("500")
        int batchSize();

        /** Provider calls in flight at once per replica (the SMTP connections are pooled apart: quarkus.mailer). */
        @WithDefault("128")
        int parallelism();
    }
}
