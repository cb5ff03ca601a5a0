"""Geography: the CBS PC4 register, PC4 polygons (shipped or downloaded) and each build's wijk boundaries."""
