-- The defaults stay: they are the editions' own data now.
SELECT 1;
