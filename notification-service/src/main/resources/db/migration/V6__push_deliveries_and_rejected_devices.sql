-- A notification can now reach one person on several channels and devices: one delivery per notification,
-- channel and device (e-mail and SMS have none), and each remembers which provider took the last attempt.
alter table delivery add column device_id uuid;
alter table delivery add column provider varchar(20);
alter table delivery drop constraint delivery_notification_id_channel_key;
create unique index delivery_per_target
    on delivery (notification_id, channel, coalesce(device_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- A push token the provider said is gone (FCM UNREGISTERED, APNs 410/BadDeviceToken) is not tried again until
-- the app registers it anew; readiness lists such devices.
alter table push_device add column rejected_at timestamptz;
alter table push_device add column rejected_reason varchar(300);

-- The provider's id of a sent message (Twilio's MessageSid), by which its delivery callback finds the delivery.
alter table delivery add column provider_message_id varchar(100);
create index delivery_provider_message on delivery (provider, provider_message_id);
