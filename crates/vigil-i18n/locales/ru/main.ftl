# Русский каталог vigil. Те же ключи, что в en/main.ftl и be/main.ftl. Числа приходят
# уже отформатированными ($NAME), их форма множественного числа, выбранная ICU4X, —
# в $NAME_form (one, few, many, other).

## Рамка каждой страницы

nav-dashboard = Сводка
nav-persons = Люди
nav-editors = Редакторам
language = Язык
footer-computed = Рассчитано по записи журнала { $entries }, хеш { $head }…. Любое число можно воспроизвести с { $asof }.

## Сводка

held-today-title = Политзаключённые в заключении сегодня
held-bounds = от { $min } точно до { $max } возможно в заключении, где даты известны только до месяца или года
# Без точки в конце: дата кончается на «г.».
held-today-note = Признанные политзаключённые под стражей на { $day }
reported-figures = Опубликованные цифры
figure-in-country = в стране: { $country }
figure-as-of = на { $date }
held-over-time = Число в заключении по времени
chart-legend = Линия: основное число. Полоса: от точно до возможно в заключении. Метки: объявления (помилования, амнистии); выберите метку, чтобы открыть объявление.
chart-title = Политзаключённые в заключении, с { $from } по { $to }
chart-label = Число политзаключённых в заключении по времени
chart-empty = Для графика недостаточно данных.
waves-in-year = Волны помилований в { $year } году
count-waves = { $n_form ->
    [one] { $n } волна
    [few] { $n } волны
    [many] { $n } волн
   *[other] { $n } волны
}
count-persons = { $n_form ->
    [one] { $n } человек
    [few] { $n } человека
    [many] { $n } человек
   *[other] { $n } человека
}
col-ordinal = №
col-date = дата
col-count = число
col-running-total = всего с начала года
col-breakdown = состав
col-identified = опознаны
col-month = месяц
col-name = имя
col-country = страна
col-status = статус
col-event = событие
col-details = подробности
col-sources = источники
in-and-out = Задержаны и освобождены
flow-summary = С { $from } по { $to }: задержаны — { $detained }, признаны — { $recognized }, помилованы — { $pardoned }
flow-ratio = на одного помилованного признано { $ratio }
from = с
to = по
show = Показать
who-held-today = Кто в заключении сегодня
by-sex = По полу
by-age = По возрасту
by-role = По роду занятий
by-region = По региону
fewer-than = меньше { $n }
previous-year = ← { $year }
next-year = { $year } →

## Люди

persons-title = Люди
filter-name = Имя
filter-name-hint = в любом написании
filter-country = Страна
filter-status = Статус
filter-role = Род занятий
filter-role-hint = например, журналист
filter-any = любой
filter-button = Отобрать
status-today = Статус сегодня:
names = Имена
timeline = Хронология
roles-none = нет
link-announcement = объявление
term-months = { $n_form ->
    [one] { $n } месяц
    [few] { $n } месяца
    [many] { $n } месяцев
   *[other] { $n } месяца
}
yes = да
no = нет
name-transliterated = транслитерация

## Объявления

announcement-title = { $kind } от { $date }
issued-by = Объявил(а): { $issuer }.
names-not-disclosed = имена не раскрыты
breakdown = Состав
official-claims = Официальные заявления
claims-note = Заявления объявившего, записанные как заявления, а не как проверенные факты.
identified-so-far = Опознаны пока: { $n }
identified-of-total = Опознаны пока: { $n } из { $total }
identified-not-shown = { $n_form ->
    [one] { $n } опознанный человек не показан публично.
    [few] { $n } опознанных человека не показаны публично.
    [many] { $n } опознанных человек не показаны публично.
   *[other] { $n } опознанного человека не показаны публично.
}
sources = Источники

## Сведения о человеке

fact-sex = пол
fact-birth_date = дата рождения
fact-country = страна
fact-region = регион
fact-roles = род занятий

## Словарь: каждое значение переведено один раз и используется везде

status-held = в заключении
status-released = освобождён(а)
status-not_detained = не задерживался(-лась)
step-day = день
step-week = неделя
step-month = месяц
sex-female = женский
sex-male = мужской
sex-other = другой
sex-unknown = неизвестен
visibility-public = открыто
visibility-restricted = ограничено
visibility-confidential = конфиденциально
health-disability = инвалидность
health-chronic_illness = хроническое заболевание
event-kind-detained = задержание
event-kind-charged = обвинение
event-kind-sentenced = приговор
event-kind-recognized = признан(а) политзаключённым
event-kind-recognition_withdrawn = статус политзаключённого снят
event-kind-transferred = этапирование
event-kind-conditions = условия содержания
event-kind-released = освобождение
event-kind-pardoned = помилование
event-kind-exiled = выдворение
event-kind-harassed = преследование
event-kind-died_in_custody = смерть под стражей
event-kind-disappeared = исчезновение
release-reason-end_of_term = окончание срока
release-reason-pardon = помилование
release-reason-amnesty = амнистия
release-reason-acquittal = оправдание
release-reason-deported = выдворение
release-reason-conditional = условно-досрочное освобождение
release-reason-other = другое
confidence-confirmed = подтверждено
confidence-reported = сообщается
confidence-alleged = по непроверенным данным
announcement-kind-pardon = Помилование
announcement-kind-amnesty = Амнистия
announcement-kind-release = Освобождение
announcement-kind-recognition = Признание
qualifier-exact = { "" }
qualifier-approximately = около
qualifier-at_least = не менее
qualifier-more_than = более
qualifier-up_to = до
metric-political_prisoners_held = политзаключённых в заключении
metric-released = освобождены
metric-pardon_waves_year = волн помилований за год
metric-pardoned_total_year = помилованных за год
metric-exiled_total = высланных всего
metric-pardoned = помилованы
breakdown-women = женщины
breakdown-men = мужчины
breakdown-under_25 = моложе 25 лет
breakdown-minors = несовершеннолетние
breakdown-pensioners = пенсионеры
breakdown-disabled = люди с инвалидностью
breakdown-chronic_illness = хронически больные
breakdown-withheld = не раскрывается
breakdown-unknown = неизвестно
detail-to = куда
detail-from = откуда
detail-note = примечание
detail-reason = основание
detail-by = кем
detail-term_months = срок
detail-term_start = срок с
detail-articles = статьи
detail-court = суд
detail-place = место
detail-in_transit = на этапе
detail-regime = режим
role-journalist = журналист
role-lawyer = адвокат
role-human_rights_defender = правозащитник
role-politician = политик
role-civic_activist = гражданский активист
role-trade_unionist = профсоюзный деятель
role-culture_worker = деятель культуры
role-activist = активист
role-student = студент
role-religious = священнослужитель
country-BY = Беларусь
country-RU = Россия
country-UA = Украина
country-MM = Мьянма
country-VE = Венесуэла
country-AZ = Азербайджан
country-KZ = Казахстан
country-GE = Грузия
country-TJ = Таджикистан
country-TM = Туркменистан
country-UZ = Узбекистан
country-KG = Кыргызстан
country-CU = Куба
country-NI = Никарагуа
country-IR = Иран
country-CN = Китай

## Сторона редакторов: рамка, вход, отказы

edit-nav-tokens = Токены
edit-who = { $name } ({ $role })
logout = Выйти
edit-back = Назад
forbidden-title = Нет доступа
forbidden-heading-editor = Для редактирования нужна роль редактора
forbidden-heading-admin = Эта страница — только для администраторов
forbidden-message = Вы вошли как { $name } с ролью «{ $role }». Попросите администратора дать вам роль «{ $needs }» или выйдите.
stale-warning = Записано в журнал, но публичные ответы устарели: сервер не смог заново загрузить реестр, поэтому в них нет этого изменения (и ни одного последующего). Причина: { $reason }
login-title = Вход
login-name = Имя
login-password = Пароль
login-button = Войти
login-wrong = Неверное имя или пароль.
login-wait-seconds = { $n_form ->
    [one] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } секунду.
    [few] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } секунды.
    [many] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } секунд.
   *[other] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } секунды.
}
login-wait-minutes = { $n_form ->
    [one] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } минуту.
    [few] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } минуты.
    [many] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } минут.
   *[other] Слишком много неудачных попыток войти отсюда. Попробуйте снова через { $n } минуты.
}
login-expired = Эта форма входа устарела или была отправлена с другого сайта. Войдите заново ниже.

## Начальная страница редакторов и формы

edit-title = Редактирование
edit-heading = Редактирование реестра
edit-intro = Каждое сохранение — запись в журнале под вашим именем. Сохранение, сделанное со старой версии записи, отклоняется, и вы видите, что изменилось.
edit-add-person = Добавить человека
edit-add-event = Добавить событие
edit-paste-report = Вставить сообщение
edit-paste-report-note = vigil предложит объявления и цифры, о которых в нём говорится; ничего не сохраняется, пока вы не подтвердите.
edit-open-person = Изменить сведения о человеке
edit-any-record = Любая запись в формате JSON
edit-any-record-note = Объявления (состав, заявления), цифры, источники, объединения, люди с несколькими именами: откройте запись по типу и идентификатору (чтобы исправить или отозвать её) или оставьте идентификатор пустым, чтобы создать новую.
field-id = Идентификатор
field-name = Имя
field-country = Страна
field-sex = Пол
field-birth-date = Дата рождения
field-visibility = Видимость
field-reason = Причина
field-person = Человек
field-person-id = Идентификатор человека
field-kind = Вид
field-date = Дата
field-sources = Источники
field-type = Тип
field-record = Запись (JSON)
field-report = Сообщение (на английском)
field-publisher = Издание
field-url = Адрес (URL)
hint-partial-date = ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ
hint-date = ГГГГ-ММ-ДД
hint-reason = почему (останется в журнале)
hint-person = идентификатор человека
hint-sources = идентификаторы источников через запятую (необязательно)
button-save-person = Сохранить сведения о человеке
button-save-event = Сохранить событие
button-save = Сохранить
button-open = Открыть
button-read = Прочитать
button-retract = Отозвать: { $type } { $id }
person-form-note = Имена в других алфавитах, регион, род занятий, здоровье и все остальные поля остаются как есть.
event-form-note = Подробности, степень достоверности, объявление и все остальные поля остаются как есть.
edit-as-json = Изменить их в JSON.

## Страницы записи

edit-person-title = Сведения о человеке
edit-heading-id = Редактирование: { $id }
edit-event-title = Редактирование события
edit-event-heading = Редактирование события { $id }
edit-record-title = Редактирование записи
edit-record-heading = Редактирование: { $type } { $id }
edit-record-heading-new = Новая запись: { $type }
version = Версия
events = События
events-none = Событий пока нет.
col-kind = вид
col-id = идентификатор
col-edit = изменить
col-retract = отозвать
col-entry = запись
col-when = когда
col-who = кто
col-what = что
col-why = почему
link-form = форма
history = История
history-added = добавлено
history-correction = исправление
history-retracted = отозвано
retract-heading = Отзыв
retract-note-person = Отзыв убирает человека из всех ответов; в журнале он остаётся. Человека с событиями отозвать нельзя: сначала отзовите события.
retract-note-announcement = Отзыв убирает объявление из волн и проверок; в журнале оно остаётся. Объявление, на которое ссылаются события, отозвать нельзя: сначала отзовите или исправьте эти события.
retract-note-merge = Отзыв объединения отменяет его: два человека снова учитываются по отдельности. В журнале оно остаётся.
retract-note-event = Отзыв убирает событие из всех подсчётов; в журнале оно остаётся.
retract-note-other = Отзыв убирает запись из всех ответов; в журнале она остаётся.
not-found-title = Не найдено
no-person = Нет человека с идентификатором { $id }
no-event = Нет события с идентификатором { $id }
no-record = Такой записи нет
unknown-record-type = Неизвестный тип записи
unknown-record-type-message = ожидался один из типов: person, event, announcement, figure, source, merge

## Чем закончилось сохранение или отзыв

saved = Сохранено
saved-at = Запись журнала { $seq }.
open-again = Открыть снова
edit-something-else = Изменить что-то другое
conflict-title = Изменено за это время
conflict-heading = Эта запись изменилась после того, как вы её открыли
conflict-message = Кто-то сохранил её после того, как вы открыли форму (теперь это запись журнала { $seq }). Из ваших изменений ничего не сохранено. Вот какая она сейчас:
conflict-retry = Откройте текущую версию и внесите изменение заново.
not-saved = Не сохранено
need-person-id = у человека должен быть идентификатор
need-event-fields = у события должны быть идентификатор, человек, вид и дата
record-not-json = запись — не JSON: { $error }
record-missing = запись не передана
unsaved-record = Запись не принята: { $message }
unsaved-above-role = видимость этой записи выше вашей роли
unsaved-no-version = Запись «{ $id }» ({ $type }): укажите, какую версию вы отзываете
refused-taken = Запись «{ $id }» ({ $type }) уже существует (запись журнала { $seq }): откройте её, чтобы изменить, или выберите другой идентификатор
refused-stale = Запись «{ $id }» ({ $type }) изменилась после того, как её прочитали (теперь это запись журнала { $seq })
refused-stale-gone = Запись «{ $id }» ({ $type }) изменилась после того, как её прочитали (её больше нет)
refused-missing-reference = Запись «{ $id }» ({ $type }): поле `{ $field }`: неизвестная запись «{ $target_id }» ({ $target })
refused-not-found = Записи «{ $id }» ({ $type }) нет, или она уже отозвана
refused-in-use = На запись «{ $id }» ({ $type }) ещё ссылаются: { $users }; сначала отзовите их
refused-more = ещё { $n }
refused-already-merged = человек «{ $merged }» уже объединён с «{ $keep }»; сначала отмените объединение
refused-not-merged = человек «{ $id }» ни с кем не объединён
refused-self-merge = человека нельзя объединить с ним самим («{ $id }»)
retracted = Отозвано
retracted-at = { $type } { $id }: запись журнала { $seq }.
not-retracted = Не отозвано
retract-needs-reason = Ничего не отозвано: укажите причину (она останется в журнале рядом с отзывом).
retract-needs-record = Ничего не отозвано: для отзыва нужны тип записи и идентификатор; откройте запись и воспользуйтесь её формой отзыва.

## Чтение сообщения

extract-title = Прочитать сообщение
extract-intro = vigil предложит объявления (с их составом и официальными заявлениями) и опубликованные цифры, о которых говорится в тексте. Вы увидите их раньше, чем что-либо сохранится.
extract-no-text = вставьте текст сообщения
extract-bad-date = дата: { $error }
extract-nothing-found = в этом тексте не найдено ни объявления, ни цифры
extract-proposed = Предложенные записи
extract-proposed-note = Пока ничего не сохранено. Вот записи, которые добавил бы vigil, каждая со ссылкой на свой источник:
extract-claims = Официальные заявления (отдельно от фактов)
extract-store = { $n_form ->
    [one] Сохранить { $n } запись
    [few] Сохранить эти { $n } записи
    [many] Сохранить эти { $n } записей
   *[other] Сохранить эти { $n } записи
}
extract-start-again = Начать заново
extract-stored = Сохранено
extract-stored-summary = Добавлено записей: { $added }. Уже были сохранены без изменений: { $unchanged }.
extract-nothing-stored = ничего не сохранено: { $problems }

## API-токены (для администраторов)

tokens-title = API-токены
tokens-intro = Токен позволяет скрипту действовать с определённой ролью. Хранится только его хеш: сам секрет был показан один раз, когда токен создавали. Отозванный токен отклоняется, начиная со следующего запроса.
tokens-make = Чтобы создать токен:
tokens-none = Токенов пока нет.
col-role = роль
col-created = создан
col-expires = действует до
col-revoked = отозван
token-never = бессрочный
token-expired = срок истёк
button-revoke = Отозвать
token-revoked = Токен { $id } ({ $name }) отозван: с этого момента он отклоняется.
token-already-revoked = Токен { $id } ({ $name }) уже был отозван.
token-not-found = Нет токена с идентификатором { $id }.
token-not-revoked = Не отозвано
token-no-id = Укажите, какой токен отозвать: воспользуйтесь кнопкой «Отозвать» в списке.

## Словарь стороны редакторов

record-type-person = человек
record-type-event = событие
record-type-announcement = объявление
record-type-figure = цифра
record-type-source = источник
record-type-merge = объединение
account-role-viewer = читатель
account-role-editor = редактор
account-role-admin = администратор

## Дела, приговоры и места заключения (issue 15)
record-type-place = место заключения
retract-note-place = Отзыв отклоняется, пока на место указывает перевод; в журнале запись остаётся.
place-kind-ivs = изолятор временного содержания (ИВС)
place-kind-sizo = следственный изолятор (СИЗО)
place-kind-colony = исправительная колония
place-kind-prison = тюрьма
place-kind-psychiatric = психиатрическая больница
place-kind-other = другое место
regime-general = общий режим
regime-reinforced = усиленный режим
regime-strict = строгий режим
regime-special = особый режим
regime-prison = тюремный режим
regime-settlement = колония-поселение
regime-restricted_freedom = ограничение свободы
regime-house_arrest = домашний арест
regime-fine = штраф
regime-suspended = условный срок
regime-compulsory_treatment = принудительное лечение
regime-other = другое наказание
condition-incommunicado = содержится инкоммуникадо
condition-no_lawyer = без доступа к адвокату
condition-punishment_cell = штрафной изолятор (ШИЗО)
condition-cell_type_unit = помещение камерного типа (ПКТ)
condition-visits_banned = свидания запрещены
condition-parcels_banned = передачи запрещены
condition-correspondence_blocked = переписка заблокирована
condition-ill_treatment = жестокое обращение
condition-medical_care_denied = отказ в медицинской помощи
consent-letters = письма
consent-calendar = календарь поддержки
fact-expected_release = ожидаемое освобождение
release-between = между { $earliest } и { $latest }
fact-place = место содержания
fact-custody = места заключения
fact-letters = адрес для писем
fact-recognized_by = признан(а)
fact-conditions = условия содержания
days-without-news = { $n_form ->
    [one] { $n } день без вестей
    [few] { $n } дня без вестей
    [many] { $n } дней без вестей
   *[other] { $n } дня без вестей
}
whereabouts-place = в месте заключения
whereabouts-in_transit = на этапе
whereabouts-address_unknown = адрес уточняется
detail-address_unknown = адрес уточняется
detail-case = дело
detail-extends = добавлено к сроку
detail-conditions = условия
detail-judge = судья
detail-prosecutor = прокурор
detail-counsel = адвокат
detail-type = вид
by-article = По статье
by-place = По месту заключения
by-regime = По режиму
by-status = По статусу
by-recognized_by = По признавшей организации
article-number = ст. { $n }
breakdown-none = нет
breakdown-pre_trial = до приговора
breakdown-convicted = осуждены
breakdown-restricted_freedom = ограничение свободы
breakdown-house_arrest = домашний арест
breakdown-in_transit = на этапе
breakdown-address_unknown = адрес уточняется
calendar-heading = Календарь поддержки
calendar-note = Дни рождения и ожидаемые освобождения в ближайшие 60 дней политзаключённых, согласившихся на это: открытка или письмо помогают.
calendar-subscribe = Подписаться на календарь
calendar-empty = В ближайшие 60 дней ничего нет.
calendar-birthday = { $n_form ->
    [one] день рождения: { $n } год
    [few] день рождения: { $n } года
    [many] день рождения: { $n } лет
   *[other] день рождения: { $n } года
}
calendar-release = ожидаемое освобождение
nav-calendar = Календарь
