waves = { $n_form ->
    [one] { $n } wave
   *[other] { $n } waves
}
