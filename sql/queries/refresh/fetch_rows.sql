-- The next rows of cursor bronze_rows; fewer than asked for at the end.
fetch forward 2000 from bronze_rows;
