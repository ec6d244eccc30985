DROP TABLE returning_invitations;
