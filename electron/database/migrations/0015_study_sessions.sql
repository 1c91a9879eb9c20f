-- Study-session counts (学习讨论次数): the organisation (居民区) that held a session, counted per organisation and month.
ALTER TABLE sessions ADD COLUMN organization TEXT;
