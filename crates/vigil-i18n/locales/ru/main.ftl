# Русский каталог vigil. Те же ключи, что в en/main.ftl и be/main.ftl. Числа приходят
# уже отформатированными ($NAME), их форма множественного числа, выбранная ICU4X, —
# в $NAME_form (one, few, many, other).

## Рамка каждой страницы

skip-to-content = Перейти к содержанию
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
announcement-kind-exchange = Обмен
announcement-kind-deportation = Депортация
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
breakdown-foreigners = иностранцы
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
field-country = Страна
field-sex = Пол
field-birth-date = Дата рождения
field-visibility = Видимость
field-reason = Причина
field-person = Человек
field-kind = Вид
field-date = Дата
field-sources = Источники
field-type = Тип
field-record = Запись (JSON)
field-report = Сообщение (на английском)
field-publisher = Издание
field-url = Адрес (URL)
hint-partial-date = 10.03.2022, 03.2022 или 2022
hint-date = ГГГГ-ММ-ДД
hint-reason = почему (останется в журнале)
button-save-person = Сохранить сведения о человеке
button-save-event = Сохранить событие
button-save = Сохранить
button-open = Открыть
button-read = Прочитать
button-retract = Отозвать: { $type } { $id }
edit-as-json = Изменить их в JSON.

## Страницы записи

edit-person-title = Сведения о человеке
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
error-not-found = По этому адресу страницы нет: возможно, её убрали или в адресе ошибка.
error-bad-request-title = Этот адрес нельзя показать
error-bad-request = Адрес просит то, что эта страница не может прочитать.
error-parameter = «{ $value }» не подходит для «{ $param }».
error-parameter-empty = «{ $param }» указан без значения.
error-period-backwards = Период заканчивается ({ $to }) раньше, чем начинается ({ $from }).
error-home = На главную страницу
no-person = Нет человека с идентификатором { $id }
no-event = Нет события с идентификатором { $id }
no-record = Такой записи нет
unknown-record-type = Неизвестный тип записи
unknown-record-type-message = ожидался один из типов: person, event, announcement, figure, source, merge

## Чем закончилось сохранение или отзыв

saved = Сохранено
saved-at = Запись журнала { $seq }.
edit-something-else = Изменить что-то другое
conflict-title = Изменено за это время
conflict-heading = Эта запись изменилась после того, как вы её открыли
conflict-message = Кто-то сохранил её после того, как вы открыли форму (теперь это запись журнала { $seq }). Из ваших изменений ничего не сохранено. Вот какая она сейчас:
conflict-retry = Откройте текущую версию и внесите изменение заново.
not-saved = Не сохранено
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
refused-merge-loop = человек «{ $keep }» уже учитывается как «{ $merged }» (объединён с ним); объединение «{ $merged }» с «{ $keep }» замкнуло бы круг
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
extract-language-not-read = текст на языке, который vigil не читает: читаются только отчёты на английском, русском и белорусском
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
extract-figure = Сообщённая цифра
extract-keep = Сохранить это
extract-notes = Замечания к чтению
extract-note-undated = { $kind } ({ $total }): в тексте нет даты; предложена дата сообщения, { $date }.
extract-note-undated-none = { $kind } ({ $total }): в тексте нет даты; укажите дату сообщения выше или дату при подтверждении.
extract-note-no-country = { $kind } ({ $total }): в тексте не названа страна; укажите её при подтверждении.
extract-not-taken = Числа, которые не взяты
extract-similar = Похожее объявление уже сохранено: { $date }, { $n_form ->
    [one] { $n } человек
    [few] { $n } человека
   *[other] { $n } человек
}.
extract-similar-open = Открыть его
extract-bad-edit = предложение { $n }: { $field } «{ $value }» — не число и не дата, которые vigil читает
extract-none-kept = все предложения оставлены в стороне: нечего сохранять

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

## Импорт таблицы

edit-import-sheet = Импортировать таблицу
edit-import-sheet-note = список, который ведут в таблице (.xlsx, .ods или .csv), по одному человеку в строке.
sheet-title = Импорт таблицы
sheet-intro = По одному человеку в строке, файл .xlsx, .ods или .csv. Заголовки столбцов распознаются на белорусском, русском и английском; до сохранения видно, как прочитан каждый столбец, и это можно изменить. Ничего не сохраняется, пока вы не подтвердите, и тогда сохраняется вся таблица или ничего.
sheet-template = Скачать пустой список для заполнения, с выпадающими списками:
sheet-template-be = заголовки на белорусском
sheet-template-ru = на русском
sheet-template-en = на английском
field-sheet-file = Таблица (.xlsx, .ods или .csv)
field-sheet-source = Откуда список (его столбцы запоминаются для следующего списка оттуда)
sheet-source-none = не указано
field-sheet-country = Страна строк, в которых она не указана (две буквы, например BY)
field-sheet-visibility = Кому видны люди, в строке которых это не указано
field-sheet-update = Таблица исправляет уже сохранённых людей (исправленная копия прежнего списка)
button-read-sheet = Прочитать таблицу
sheet-no-file = Выберите таблицу для импорта.
sheet-too-large = Файл больше { $mb } МБ. Разделите список на таблицы поменьше.
sheet-not-a-sheet = «{ $name }» — не таблица, которую читает vigil: сохраните её как .xlsx, .ods или .csv.
sheet-unreadable = Не удалось прочитать «{ $name }»: { $error }
sheet-is-export = «{ $name }» — выгрузка реестра vigil (его таблицы, по одной на каждый вид записей), а не список людей. Такой файл восстанавливает или объединяет администратор; здесь загрузите список, по одному человеку в строке.
sheet-bad-country = «{ $country }» — не код страны: напишите две буквы, например BY или RU.
sheet-columns = Как прочитаны столбцы
sheet-column-header = Столбец таблицы
sheet-column-field = Читается как
sheet-column-sample = Первые значения
sheet-field-ignore = не читается
sheet-errors = { $n_form ->
    [one] { $n } ячейку не удаётся прочитать. Ничего не будет сохранено, пока её не исправят в таблице или её столбец не будет прочитан иначе:
    [few] { $n } ячейки не удаётся прочитать. Ничего не будет сохранено, пока их не исправят в таблице или их столбцы не будут прочитаны иначе:
    [many] { $n } ячеек не удаётся прочитать. Ничего не будет сохранено, пока их не исправят в таблице или их столбцы не будут прочитаны иначе:
   *[other] { $n } ячейки не удаётся прочитать. Ничего не будет сохранено, пока их не исправят в таблице или их столбцы не будут прочитаны иначе:
}
sheet-error-line = Строка { $row }, столбец «{ $column }»: { $message }
sheet-problem-empty = таблица пуста: в её первой строке должны быть заголовки
sheet-problem-second-column = второй столбец читается как «{ $field }»: отметьте один из них «не читается»
sheet-problem-no-name-column = нет столбца с именем (ФИО, имя, Імя і прозвішча…) или идентификатором: ничто не говорит, о ком строка
sheet-problem-same-id = «{ $id }» есть и в строке { $row }, с другим содержимым: у каждого человека должна быть одна строка
sheet-problem-no-name = строка без имени: в каждой строке нужно имя человека
sheet-problem-not-date = «{ $text }» — не дата: пишите 2021-03-14, 14.03.2021, 03.2021, 2021 или 14 марта 2021
sheet-problem-not-day = «{ $text }» — такого дня нет в календаре ({ $day })
sheet-problem-not-term = «{ $text }» — не срок: пишите 3 года, 2 г. 6 мес. или 36 мес.
sheet-problem-not-sex = «{ $text }» — не пол: пишите М или Ж (мужской, женский)
sheet-problem-not-reason = «{ $text }» — не причина освобождения: пишите окончание срока, помилование, амнистия, оправдание, выдворение, условно-досрочное или другое
sheet-problem-not-regime = «{ $text }» — вид наказания, которого vigil не знает: пишите общий, строгий, особый, тюрьма, колония-поселение, ограничение свободы (химия), домашний арест, штраф, условно или принудительное лечение
sheet-problem-not-health = «{ $text }» — не состояние здоровья, которое учитывает vigil: пишите хроническое заболевание или инвалидность
sheet-problem-not-visibility = «{ $text }» — не видимость: пишите открыто, ограничено или конфиденциально
sheet-problem-several-places = «{ $text }» — название нескольких мест в реестре ({ $ids }): впишите id нужного
sheet-problem-undated-recognition = у «{ $text }» нет даты: добавьте дату признания или отметьте столбец «не читается»
sheet-problem-undated-release = у «{ $text }» нет даты: добавьте дату освобождения или отметьте столбец «не читается»
sheet-problem-undated-sentence = у «{ $text }» нет даты: добавьте дату приговора или задержания или отметьте столбец «не читается»
sheet-would-store = Будет сохранено людей: { $persons }, событий: { $events }.
sheet-default-visibility = Людей без видимости в таблице: { $n }; они будут сохранены как «{ $visibility }».
sheet-unknown-columns = Эти столбцы не читаются: { $list }. Выберите ниже, что в них, или оставьте как есть.
sheet-changes = В реестре: новых записей будет { $added }, исправлений — { $corrected }, уже сохранены без изменений — { $unchanged }.
sheet-conflicts = { $n_form ->
    [one] { $n } запись таблицы уже сохранена с другим содержанием. Если таблица её исправляет, отметьте ниже «Таблица исправляет уже сохранённых людей» и покажите снова:
    [few] { $n } записи таблицы уже сохранены с другим содержанием. Если таблица их исправляет, отметьте ниже «Таблица исправляет уже сохранённых людей» и покажите снова:
    [many] { $n } записей таблицы уже сохранены с другим содержанием. Если таблица их исправляет, отметьте ниже «Таблица исправляет уже сохранённых людей» и покажите снова:
   *[other] { $n } записи таблицы уже сохранены с другим содержанием. Если таблица их исправляет, отметьте ниже «Таблица исправляет уже сохранённых людей» и покажите снова:
}
sheet-conflict = строка { $row }: { $what }
sheet-conflicts-blocked = Ничего не сохранено: некоторые строки говорят иное, чем уже сохранено, а таблица не отмечена как исправления.
sheet-unrecognized = Людей без даты признания политзаключёнными: { $n }. Они не считаются политзаключёнными, пока дата признания не записана.
sheet-undated-sentences = Строк с приговором без даты: { $n }. Срок, статьи и режим сохраняются вместе с задержанием.
sheet-mapping-from-source = Столбцы прочитаны так же, как в прошлом списке от «{ $source }».
sheet-doubles = { $n_form ->
    [one] { $n } строка, вероятно, — человек, который уже есть в реестре:
    [few] { $n } строки, вероятно, — люди, которые уже есть в реестре:
    [many] { $n } строк, вероятно, — люди, которые уже есть в реестре:
   *[other] { $n } строки, вероятно, — люди, которые уже есть в реестре:
}
sheet-double = строка { $row }: «{ $name }» — вероятно, «{ $existing_name }»
sheet-doubles-new = Всё равно сохранить их как новых людей (и объединить позже)
sheet-doubles-blocked = Ничего не сохранено: некоторые строки, вероятно, — люди, которые уже есть в реестре. Укажите для каждой, тот ли это человек, или отметьте «Всё равно сохранить их как новых людей».
sheet-same-choose = — это тот же человек? —
sheet-same-new = Нет: сохранить нового человека
sheet-same-merge = Да: объединить с «{ $name }» (можно отменить)
sheet-same-unknown = Ничего не сохранено: выбор для строки { $row } — не один из показанных людей. Покажите таблицу снова и выберите.
button-sheet-again = Показать снова с этими столбцами
button-sheet-import = { $n_form ->
    [one] Сохранить { $n } человека
   *[other] Сохранить этих людей: { $n }
}
sheet-start-again = Начать заново с другим файлом
sheet-stored = Таблица сохранена
sheet-stored-summary = Людей: { $persons }. Записей добавлено: { $added }, исправлено: { $corrected }, уже были сохранены без изменений: { $unchanged }.
sheet-mapping-saved = Её столбцы запомнены для следующего списка от «{ $source }».
sheet-see-directory = Открыть список людей
sheet-another = Импортировать ещё одну таблицу
sheet-refused = Ничего не сохранено: реестр не принимает эти строки.
sheet-refused-line = Строка { $row }: { $message }
sheet-refused-update = Если таблица — исправленная копия уже импортированного списка, начните заново и отметьте «Таблица исправляет уже сохранённых людей».
sheet-field-id = идентификатор (id)
sheet-field-name = имя
sheet-field-name_be = имя по-белорусски
sheet-field-name_ru = имя по-русски
sheet-field-name_latin = имя латиницей
sheet-field-health = здоровье
sheet-field-charged = дата обвинения
sheet-field-sex = пол
sheet-field-birth_date = дата рождения
sheet-field-country = страна
sheet-field-region = регион
sheet-field-roles = род занятий
sheet-field-detained = дата задержания
sheet-field-recognized = дата признания политзаключённым
sheet-field-recognized_by = кем признан
sheet-field-articles = статьи
sheet-field-sentence_date = дата приговора
sheet-field-sentence = приговор (срок)
sheet-field-regime = режим
sheet-field-place = место содержания
sheet-field-released = дата освобождения
sheet-field-release_reason = причина освобождения
sheet-field-visibility = видимость
sheet-field-source = источник

## The editors' workplace: forms of every record, lists, pickers

announcement-none = Ни в одном сохранённом объявлении
button-find = Найти
choice-any = любой
choice-none = — не задано —
col-birth = родился
col-finding = находка
col-other-names = другие имена
col-record = запись
conflict-changed = Кто-то сохранил эту запись ({ $type }) после того, как вы открыли форму. Ничего из вашего не сохранено: то, что вы ввели, осталось ниже, а форма теперь открыта на текущей версии — проверьте и сохраните снова.
conflict-gone = С тех пор её отозвали.
contradictions-heading = Чему здесь противоречит реестр
count-findings = { $n_form ->
    [one] { $n } находка
    [few] { $n } находки
    [many] { $n } находок
   *[other] { $n } находки
}
edit-add-announcement = Добавить объявление
edit-add-figure = Добавить сообщённую цифру
edit-add-source = Добавить источник
edit-announcements-heading = Объявления
edit-changes-heading = Последние изменения
edit-figures-heading = Сообщённые цифры
edit-lists = Списки
edit-persons-heading = Люди
edit-record-heading-words = Правка: { $type }
edit-review-heading = Проверить
edit-sources-heading = Источники
field-announcement = Объявление, в которое она попала
field-articles = Статьи
field-as-of = На дату
field-breakdown = Состав
field-claims = Официальные заявления (по одному в строке)
field-confidence = Уверенность
field-consent-note = Согласие (заметка)
field-court = Суд
field-custom-count = Количество
field-custom-key = Другая группа
field-detained-on = Задержана
field-health = Здоровье
field-issuer = Кто объявил
field-metric = Что считается
field-name-lang = Язык и письмо
field-name-n = Имя { $n }
field-names = Имена
field-names-disclosed = Имена названы
field-note = Заметка
field-prominent = Известный человек
field-published = Опубликовано
field-qualifier = Уточнение
field-recognized-by = Кто признал
field-recognized-on = Признана политзаключённой
field-region = Регион
field-release-reason = Основание освобождения
field-reliability = Надёжность
field-roles = Роли
field-roles-other = Другие роли (через запятую)
field-source-add = Добавить сохранённый источник
field-source-new = Или новый источник
field-term = Срок
field-title = Название
field-total = Всего
field-transfer-to = Куда
field-value = Значение
filter-name-any = Имя (любое написание)
first-events = Её дело на сегодня
fix-marked = Исправьте отмеченные поля; всё, что вы ввели, осталось.
health-none = ни то, ни другое (известно)
hint-term = 3 года 6 месяцев
in-announcement = в объявлении
name-lang-be = белорусский (кириллица)
name-lang-be-latn = белорусский (латиница)
name-lang-en = английский (латиница)
name-lang-ru = русский (кириллица)
name-lang-uk = украинский (кириллица)
name-lang-unknown = не указано
need-event-person = Сначала откройте человека: событие добавляется с его страницы.
new-person-note = Новый человек имеет ограниченный доступ, пока вы не решите его опубликовать. Задержание и признание можно сохранить вместе с ним.
page-next = Дальше
page-of = Страница { $at } из { $pages }
page-previous = Назад
pages = Страницы
problem-choice = Выберите из списка.
problem-count = Введите целое число, например 29.
problem-country = Выберите страну из списка.
problem-date = Введите дату как 10.03.2022, 03.2022 или 2022.
problem-missing = Это нужно заполнить.
problem-number = Введите число, например 1300 или 1300,5.
problem-pick-announcement = Около этой даты в её стране были объявления: выберите то, в которое она попала, или «Ни в одном сохранённом объявлении». Иначе это помилование посчитается сверх них.
problem-pick-which = Под «{ $typed }» подходят несколько сохранённых записей: { $choices }. Допишите, какую из них вы имеете в виду, или выберите её из списка.
problem-pick-nothing = Под «{ $typed }» не подходит ни одна сохранённая запись. Выберите из списка или впишите новую.
problem-term = Введите срок как 3 года 6 месяцев или числом месяцев.
public-page = Публичная страница
qualifier-exact-word = ровно
showing-none = Ничего не найдено
showing-range = Показано { $from }–{ $to } из { $total }
taken-heading = Этот идентификатор занят
taken-message = Другая запись ({ $type }) уже имеет идентификатор { $id }. Ничего не сохранено; то, что вы ввели, осталось ниже.
taken-json = Другая запись этого типа уже имеет такой идентификатор. Ничего не сохранено. Измените идентификатор в записи или откройте сохранённую, чтобы исправить её. Вот сохранённая:

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
calendar-birthday-day = день рождения
calendar-release = ожидаемое освобождение
nav-calendar = Календарь

# Editors' forms of places and case facts (issue 15)
field-regime = Режим или наказание
field-term-start = Срок отсчитывается с (если не со дня задержания)
field-case = Дело (номер или название; новый приговор того же дела, после нового рассмотрения, заменяет прежний)
field-extends = Срок прибавляется к уже отбываемому (новое дело, продление)
field-judge = Судья
field-prosecutor = Прокурор
field-counsel = Адвокат
field-destination = Куда переведён(а)
field-conditions = Условия содержания
field-articles-other = Другие статьи (через запятую)
hint-articles = ч. 1 ст. 342, 361-1
hint-coordinates = 53.9023, 27.5619
problem-coordinates = Введите широту и долготу, как их показывает карта, например 53.9023, 27.5619.
field-place-name-be = Название по-белорусски
field-place-name-ru = Название по-русски
field-place-name-en = Название по-английски
field-place-kind = Вид учреждения
field-address = Почтовый адрес (для писем)
field-coordinates = Координаты (необязательно)
edit-add-place = Добавить место заключения
edit-places-heading = Места заключения
col-held-now = сейчас там

# Counting by releases and by sentence length (issue 15)
by-term = По сроку наказания
term-band-under_1 = меньше года
term-band-1_3 = от 1 до 3 лет
term-band-3_5 = от 3 до 5 лет
term-band-5_10 = от 5 до 10 лет
term-band-10_15 = от 10 до 15 лет
term-band-15_plus = 15 лет и больше
term-band-unknown = срок неизвестен
term-band-non_custodial = наказание, не связанное с лишением свободы
term-band-pre_trial = ещё не осуждены
releases-heading = Освобождения
released-this-week = Освобождены за последние 7 дней
released-bounds = (точно { $min }, возможно { $max })
releases-ahead = Ожидаемые освобождения тех, кто в заключении сегодня, по месяцам
col-expected = ожидается
col-surely = точно
col-possibly = возможно
releases-later = позже
releases-overdue = срок освобождения прошёл, всё ещё в заключении
releases-none = дата освобождения неизвестна
releases-withheld = не публичные

# Апелляция на приговор (issue 15)
field-appeal-date = Дата решения по апелляции
field-appeal-court = Апелляционный суд
field-appeal-outcome = Решение по апелляции
field-appeal-term = Срок после апелляции (если снижен или увеличен)
field-appeal-regime = Режим после апелляции (если изменён)
appeal-outcome-upheld = приговор оставлен без изменения
appeal-outcome-reduced = срок снижен
appeal-outcome-increased = срок увеличен
appeal-outcome-overturned = приговор отменён, дело направлено на новое рассмотрение
appeal-outcome-pending = апелляция ещё не рассмотрена
appeal-to = { $outcome }: { $term }
detail-appeal = апелляция
problem-appeal-term = Сниженный срок меньше срока приговора, увеличенный — больше; при других решениях новый срок и режим не указываются.
problem-appeal-date = Решение по апелляции не может быть раньше приговора.

# Spreadsheet columns of a verdict and its appeal (issue 15)
sheet-field-court = суд
sheet-field-judge = судья
sheet-field-prosecutor = прокурор
sheet-field-counsel = адвокат
sheet-field-term_start = начало срока
sheet-field-appeal_date = дата апелляции
sheet-field-appeal_court = апелляционный суд
sheet-field-appeal_outcome = решение по апелляции
sheet-problem-not-appeal-outcome = «{ $text }» — не решение по апелляции: пишите оставлен без изменения, срок снижен, срок увеличен, отменён или не рассмотрена
sheet-problem-undated-verdict = у «{ $text }» нет даты: добавьте дату приговора или отметьте столбец «не читается»
sheet-field-appeal_term = срок после апелляции

## Признание по организациям (issue 15)
filter-recognized_by = Кем признан
persons-recognized_by = Признаны сейчас, по организациям
org-viasna = Весна
org-memorial = Мемориал
recognition-ex-post-facto = признан после освобождения
recognition-withdrawn = признание отозвано: { $date }
