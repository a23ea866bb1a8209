CREATE TABLE clients (
	mandt VARCHAR(3) NOT NULL,
	description VARCHAR(60) NOT NULL,
	strict_partner_check BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (mandt)
);

CREATE TABLE customizing (
	mandt VARCHAR(3) NOT NULL,
	tabname VARCHAR(30) NOT NULL,
	tabkey VARCHAR(60) NOT NULL,
	data JSON NOT NULL,
	PRIMARY KEY (mandt, tabname, tabkey)
);

CREATE TABLE number_ranges (
	mandt VARCHAR(3) NOT NULL,
	object VARCHAR(20) NOT NULL,
	next_value BIGINT NOT NULL,
	PRIMARY KEY (mandt, object)
);

CREATE TABLE edidc (
	mandt VARCHAR(3) NOT NULL,
	docnum VARCHAR(16) NOT NULL,
	direct VARCHAR(1) NOT NULL,
	status VARCHAR(2) NOT NULL,
	idoctp VARCHAR(30) NOT NULL,
	cimtyp VARCHAR(30) NOT NULL,
	mestyp VARCHAR(30) NOT NULL,
	mescod VARCHAR(3) NOT NULL,
	mesfct VARCHAR(3) NOT NULL,
	sndpor VARCHAR(10) NOT NULL,
	sndprt VARCHAR(2) NOT NULL,
	sndprn VARCHAR(10) NOT NULL,
	rcvpor VARCHAR(10) NOT NULL,
	rcvprt VARCHAR(2) NOT NULL,
	rcvprn VARCHAR(10) NOT NULL,
	serial VARCHAR(20) NOT NULL,
	refint VARCHAR(16) NOT NULL,
	objkey VARCHAR(70) NOT NULL,
	credat VARCHAR(8) NOT NULL,
	cretim VARCHAR(6) NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	xml TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	next_attempt_at FLOAT,
	PRIMARY KEY (mandt, docnum)
);

CREATE INDEX ix_edidc_partner_queue ON edidc (mandt, rcvprn, direct, status, docnum);

CREATE INDEX ix_edidc_status ON edidc (mandt, status);

CREATE INDEX ix_edidc_outbound_queue ON edidc (direct, status, next_attempt_at);

CREATE INDEX ix_edidc_created ON edidc (mandt, created_at);

CREATE TABLE edids (
	mandt VARCHAR(3) NOT NULL,
	docnum VARCHAR(16) NOT NULL,
	countr INTEGER NOT NULL,
	status VARCHAR(2) NOT NULL,
	logdat VARCHAR(8) NOT NULL,
	logtim VARCHAR(6) NOT NULL,
	statyp VARCHAR(1) NOT NULL,
	stamid VARCHAR(20) NOT NULL,
	stamno VARCHAR(3) NOT NULL,
	stapa1 VARCHAR(50) NOT NULL,
	stapa2 VARCHAR(50) NOT NULL,
	stapa3 VARCHAR(50) NOT NULL,
	stapa4 VARCHAR(50) NOT NULL,
	statxt VARCHAR(220) NOT NULL,
	segnum VARCHAR(6) NOT NULL,
	segfld VARCHAR(30) NOT NULL,
	PRIMARY KEY (mandt, docnum, countr)
);

CREATE TABLE idoc_inbound_keys (
	mandt VARCHAR(3) NOT NULL,
	sndprn VARCHAR(10) NOT NULL,
	refint VARCHAR(16) NOT NULL,
	docnum VARCHAR(16) NOT NULL,
	PRIMARY KEY (mandt, sndprn, refint)
);

CREATE TABLE idoc_serialization (
	mandt VARCHAR(3) NOT NULL,
	mestyp VARCHAR(30) NOT NULL,
	objkey VARCHAR(70) NOT NULL,
	serial VARCHAR(20) NOT NULL,
	docnum VARCHAR(16) NOT NULL,
	PRIMARY KEY (mandt, mestyp, objkey)
);

CREATE TABLE partners (
	mandt VARCHAR(3) NOT NULL,
	logsys VARCHAR(10) NOT NULL,
	description VARCHAR(60) NOT NULL,
	port_url VARCHAR(500),
	port_user VARCHAR(60),
	port_password VARCHAR(120),
	pack_size INTEGER NOT NULL,
	parallel_packets INTEGER DEFAULT '1' NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (mandt, logsys)
);

CREATE TABLE partner_messages (
	mandt VARCHAR(3) NOT NULL,
	logsys VARCHAR(10) NOT NULL,
	direction VARCHAR(3) NOT NULL,
	mestyp VARCHAR(30) NOT NULL,
	PRIMARY KEY (mandt, logsys, direction, mestyp)
);

CREATE TABLE dispatch_leases (
	mandt VARCHAR(3) NOT NULL,
	logsys VARCHAR(10) NOT NULL,
	owner VARCHAR(60) NOT NULL,
	until FLOAT NOT NULL,
	PRIMARY KEY (mandt, logsys)
);

CREATE TABLE bdcp2 (
	cpident INTEGER NOT NULL,
	mandt VARCHAR(3) NOT NULL,
	mestyp VARCHAR(30) NOT NULL,
	tabname VARCHAR(30) NOT NULL,
	tabkey VARCHAR(70) NOT NULL,
	cdchgid VARCHAR(1) NOT NULL,
	cretime DATETIME NOT NULL,
	process VARCHAR(1) NOT NULL,
	PRIMARY KEY (cpident)
);

CREATE INDEX ix_bdcp2_open ON bdcp2 (mandt, mestyp, process);

CREATE TABLE mara (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	mtart VARCHAR(4) NOT NULL,
	mbrsh VARCHAR(1) NOT NULL,
	matkl VARCHAR(9) NOT NULL,
	meins VARCHAR(3) NOT NULL,
	spart VARCHAR(2) NOT NULL,
	bismt VARCHAR(18) NOT NULL,
	mtpos_mara VARCHAR(4) NOT NULL,
	brgew VARCHAR(24) NOT NULL,
	ntgew VARCHAR(24) NOT NULL,
	gewei VARCHAR(3) NOT NULL,
	lvorm VARCHAR(1) NOT NULL,
	ersda VARCHAR(8) NOT NULL,
	ernam VARCHAR(12) NOT NULL,
	laeda VARCHAR(8) NOT NULL,
	aenam VARCHAR(12) NOT NULL,
	PRIMARY KEY (mandt, matnr)
);

CREATE TABLE makt (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	spras VARCHAR(1) NOT NULL,
	maktx VARCHAR(40) NOT NULL,
	PRIMARY KEY (mandt, matnr, spras)
);

CREATE TABLE marc (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	ekgrp VARCHAR(3) NOT NULL,
	dismm VARCHAR(2) NOT NULL,
	mtvfp VARCHAR(2) NOT NULL,
	prctr VARCHAR(10) NOT NULL,
	lvorm VARCHAR(1) NOT NULL,
	trame VARCHAR(24) NOT NULL,
	PRIMARY KEY (mandt, matnr, werks)
);

CREATE TABLE mard (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	lgort VARCHAR(4) NOT NULL,
	lgpbe VARCHAR(10) NOT NULL,
	lvorm VARCHAR(1) NOT NULL,
	labst VARCHAR(24) NOT NULL,
	insme VARCHAR(24) NOT NULL,
	speme VARCHAR(24) NOT NULL,
	retme VARCHAR(24) NOT NULL,
	PRIMARY KEY (mandt, matnr, werks, lgort)
);

CREATE TABLE mbew (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	bwkey VARCHAR(4) NOT NULL,
	bwtar VARCHAR(10) NOT NULL,
	vprsv VARCHAR(1) NOT NULL,
	verpr VARCHAR(24) NOT NULL,
	stprs VARCHAR(24) NOT NULL,
	peinh VARCHAR(6) NOT NULL,
	bklas VARCHAR(4) NOT NULL,
	zplp1 VARCHAR(24) NOT NULL,
	zplp2 VARCHAR(24) NOT NULL,
	PRIMARY KEY (mandt, matnr, bwkey, bwtar)
);

CREATE TABLE mvke (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	vkorg VARCHAR(4) NOT NULL,
	vtweg VARCHAR(2) NOT NULL,
	dwerk VARCHAR(4) NOT NULL,
	vrkme VARCHAR(3) NOT NULL,
	mtpos VARCHAR(4) NOT NULL,
	versg VARCHAR(1) NOT NULL,
	ktgrm VARCHAR(2) NOT NULL,
	lvorm VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, matnr, vkorg, vtweg)
);

CREATE TABLE kna1 (
	mandt VARCHAR(3) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	ktokd VARCHAR(4) NOT NULL,
	anred VARCHAR(15) NOT NULL,
	name1 VARCHAR(35) NOT NULL,
	name2 VARCHAR(35) NOT NULL,
	sortl VARCHAR(10) NOT NULL,
	stras VARCHAR(35) NOT NULL,
	ort01 VARCHAR(35) NOT NULL,
	pstlz VARCHAR(10) NOT NULL,
	regio VARCHAR(3) NOT NULL,
	land1 VARCHAR(3) NOT NULL,
	spras VARCHAR(1) NOT NULL,
	telf1 VARCHAR(16) NOT NULL,
	stceg VARCHAR(20) NOT NULL,
	aufsd VARCHAR(2) NOT NULL,
	lifsd VARCHAR(2) NOT NULL,
	faksd VARCHAR(2) NOT NULL,
	loevm VARCHAR(1) NOT NULL,
	erdat VARCHAR(8) NOT NULL,
	ernam VARCHAR(12) NOT NULL,
	PRIMARY KEY (mandt, kunnr)
);

CREATE TABLE knvv (
	mandt VARCHAR(3) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	vkorg VARCHAR(4) NOT NULL,
	vtweg VARCHAR(2) NOT NULL,
	spart VARCHAR(2) NOT NULL,
	kdgrp VARCHAR(2) NOT NULL,
	bzirk VARCHAR(6) NOT NULL,
	waers VARCHAR(5) NOT NULL,
	vwerk VARCHAR(4) NOT NULL,
	vsbed VARCHAR(2) NOT NULL,
	zterm VARCHAR(4) NOT NULL,
	ktgrd VARCHAR(2) NOT NULL,
	kztlf VARCHAR(1) NOT NULL,
	aufsd VARCHAR(2) NOT NULL,
	lifsd VARCHAR(2) NOT NULL,
	loevm VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, kunnr, vkorg, vtweg, spart)
);

CREATE TABLE knvp (
	mandt VARCHAR(3) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	vkorg VARCHAR(4) NOT NULL,
	vtweg VARCHAR(2) NOT NULL,
	spart VARCHAR(2) NOT NULL,
	parvw VARCHAR(2) NOT NULL,
	parza VARCHAR(3) NOT NULL,
	kunn2 VARCHAR(10) NOT NULL,
	defpa VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, kunnr, vkorg, vtweg, spart, parvw, parza)
);

CREATE INDEX ix_knvp_partner ON knvp (mandt, parvw, kunn2);

CREATE TABLE knb1 (
	mandt VARCHAR(3) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	bukrs VARCHAR(4) NOT NULL,
	akont VARCHAR(10) NOT NULL,
	zterm VARCHAR(4) NOT NULL,
	loevm VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, kunnr, bukrs)
);

CREATE TABLE knkk (
	mandt VARCHAR(3) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	kkber VARCHAR(4) NOT NULL,
	klimk VARCHAR(24) NOT NULL,
	knkli VARCHAR(10) NOT NULL,
	ctlpc VARCHAR(3) NOT NULL,
	crblb VARCHAR(1) NOT NULL,
	skfor VARCHAR(24) NOT NULL,
	ssobl VARCHAR(24) NOT NULL,
	sauft VARCHAR(24) NOT NULL,
	PRIMARY KEY (mandt, kunnr, kkber)
);

CREATE TABLE business_dates (
	mandt VARCHAR(3) NOT NULL,
	offset_days INTEGER NOT NULL,
	changed_at DATETIME NOT NULL,
	PRIMARY KEY (mandt)
);

CREATE TABLE vbak (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	auart VARCHAR(4) NOT NULL,
	vbtyp VARCHAR(1) NOT NULL,
	erdat VARCHAR(8) NOT NULL,
	erzet VARCHAR(6) NOT NULL,
	ernam VARCHAR(12) NOT NULL,
	audat VARCHAR(8) NOT NULL,
	vkorg VARCHAR(4) NOT NULL,
	vtweg VARCHAR(2) NOT NULL,
	spart VARCHAR(2) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	bstnk VARCHAR(35) NOT NULL,
	bstdk VARCHAR(8) NOT NULL,
	vdatu VARCHAR(8) NOT NULL,
	lifsk VARCHAR(2) NOT NULL,
	faksk VARCHAR(2) NOT NULL,
	augru VARCHAR(3) NOT NULL,
	netwr VARCHAR(24) NOT NULL,
	waerk VARCHAR(5) NOT NULL,
	vgbel VARCHAR(10) NOT NULL,
	vgtyp VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, vbeln)
);

CREATE INDEX ix_vbak_bstnk ON vbak (mandt, bstnk);

CREATE INDEX ix_vbak_kunnr ON vbak (mandt, kunnr);

CREATE TABLE vbap (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	posnr VARCHAR(6) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	arktx VARCHAR(40) NOT NULL,
	pstyv VARCHAR(4) NOT NULL,
	kwmeng VARCHAR(24) NOT NULL,
	vrkme VARCHAR(3) NOT NULL,
	meins VARCHAR(3) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	lgort VARCHAR(4) NOT NULL,
	vstel VARCHAR(4) NOT NULL,
	netpr VARCHAR(24) NOT NULL,
	netwr VARCHAR(24) NOT NULL,
	waerk VARCHAR(5) NOT NULL,
	vgbel VARCHAR(10) NOT NULL,
	vgpos VARCHAR(6) NOT NULL,
	abgru VARCHAR(2) NOT NULL,
	PRIMARY KEY (mandt, vbeln, posnr)
);

CREATE INDEX ix_vbap_material ON vbap (mandt, matnr, werks);

CREATE TABLE vbep (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	posnr VARCHAR(6) NOT NULL,
	etenr VARCHAR(4) NOT NULL,
	edatu VARCHAR(8) NOT NULL,
	wmeng VARCHAR(24) NOT NULL,
	bmeng VARCHAR(24) NOT NULL,
	lifsp VARCHAR(2) NOT NULL,
	ettyp VARCHAR(2) NOT NULL,
	PRIMARY KEY (mandt, vbeln, posnr, etenr)
);

CREATE TABLE vbpa (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	posnr VARCHAR(6) NOT NULL,
	parvw VARCHAR(2) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	PRIMARY KEY (mandt, vbeln, posnr, parvw)
);

CREATE TABLE vbuk (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	vbtyp VARCHAR(1) NOT NULL,
	gbstk VARCHAR(1) NOT NULL,
	lfstk VARCHAR(1) NOT NULL,
	lfgsk VARCHAR(1) NOT NULL,
	wbstk VARCHAR(1) NOT NULL,
	kostk VARCHAR(1) NOT NULL,
	fkstk VARCHAR(1) NOT NULL,
	cmgst VARCHAR(1) NOT NULL,
	abstk VARCHAR(1) NOT NULL,
	uvall VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, vbeln)
);

CREATE TABLE vbup (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	posnr VARCHAR(6) NOT NULL,
	gbsta VARCHAR(1) NOT NULL,
	lfsta VARCHAR(1) NOT NULL,
	lfgsa VARCHAR(1) NOT NULL,
	wbsta VARCHAR(1) NOT NULL,
	fksta VARCHAR(1) NOT NULL,
	absta VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, vbeln, posnr)
);

CREATE TABLE likp (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	lfart VARCHAR(4) NOT NULL,
	vbtyp VARCHAR(1) NOT NULL,
	vstel VARCHAR(4) NOT NULL,
	vkorg VARCHAR(4) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	kunag VARCHAR(10) NOT NULL,
	erdat VARCHAR(8) NOT NULL,
	erzet VARCHAR(6) NOT NULL,
	ernam VARCHAR(12) NOT NULL,
	lfdat VARCHAR(8) NOT NULL,
	wadat VARCHAR(8) NOT NULL,
	wadat_ist VARCHAR(8) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	lifex VARCHAR(35) NOT NULL,
	PRIMARY KEY (mandt, vbeln)
);

CREATE TABLE lips (
	mandt VARCHAR(3) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	posnr VARCHAR(6) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	arktx VARCHAR(40) NOT NULL,
	lfimg VARCHAR(24) NOT NULL,
	vrkme VARCHAR(3) NOT NULL,
	meins VARCHAR(3) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	lgort VARCHAR(4) NOT NULL,
	pstyv VARCHAR(4) NOT NULL,
	vgbel VARCHAR(10) NOT NULL,
	vgpos VARCHAR(6) NOT NULL,
	vgtyp VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, vbeln, posnr)
);

CREATE INDEX ix_lips_reference ON lips (mandt, vgbel, vgpos);

CREATE TABLE vbfa (
	mandt VARCHAR(3) NOT NULL,
	vbelv VARCHAR(10) NOT NULL,
	posnv VARCHAR(6) NOT NULL,
	vbeln VARCHAR(10) NOT NULL,
	posnn VARCHAR(6) NOT NULL,
	vbtyp_n VARCHAR(1) NOT NULL,
	vbtyp_v VARCHAR(1) NOT NULL,
	rfmng VARCHAR(24) NOT NULL,
	meins VARCHAR(3) NOT NULL,
	rfwrt VARCHAR(24) NOT NULL,
	waers VARCHAR(5) NOT NULL,
	plmin VARCHAR(1) NOT NULL,
	bwart VARCHAR(3) NOT NULL,
	mjahr VARCHAR(4) NOT NULL,
	erdat VARCHAR(8) NOT NULL,
	erzet VARCHAR(6) NOT NULL,
	PRIMARY KEY (mandt, vbelv, posnv, vbeln, posnn, vbtyp_n)
);

CREATE INDEX ix_vbfa_subsequent ON vbfa (mandt, vbeln);

CREATE TABLE mkpf (
	mandt VARCHAR(3) NOT NULL,
	mblnr VARCHAR(10) NOT NULL,
	mjahr VARCHAR(4) NOT NULL,
	vgart VARCHAR(2) NOT NULL,
	blart VARCHAR(2) NOT NULL,
	bldat VARCHAR(8) NOT NULL,
	budat VARCHAR(8) NOT NULL,
	cpudt VARCHAR(8) NOT NULL,
	cputm VARCHAR(6) NOT NULL,
	usnam VARCHAR(12) NOT NULL,
	xblnr VARCHAR(16) NOT NULL,
	bktxt VARCHAR(25) NOT NULL,
	le_vbeln VARCHAR(10) NOT NULL,
	PRIMARY KEY (mandt, mblnr, mjahr)
);

CREATE TABLE mseg (
	mandt VARCHAR(3) NOT NULL,
	mblnr VARCHAR(10) NOT NULL,
	mjahr VARCHAR(4) NOT NULL,
	zeile VARCHAR(4) NOT NULL,
	bwart VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	lgort VARCHAR(4) NOT NULL,
	charg VARCHAR(10) NOT NULL,
	insmk VARCHAR(1) NOT NULL,
	sobkz VARCHAR(1) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	lifnr VARCHAR(10) NOT NULL,
	shkzg VARCHAR(1) NOT NULL,
	menge VARCHAR(24) NOT NULL,
	meins VARCHAR(3) NOT NULL,
	erfmg VARCHAR(24) NOT NULL,
	erfme VARCHAR(3) NOT NULL,
	ebeln VARCHAR(10) NOT NULL,
	ebelp VARCHAR(5) NOT NULL,
	kdauf VARCHAR(10) NOT NULL,
	kdpos VARCHAR(6) NOT NULL,
	vbeln_im VARCHAR(10) NOT NULL,
	vbelp_im VARCHAR(6) NOT NULL,
	umwrk VARCHAR(4) NOT NULL,
	umlgo VARCHAR(4) NOT NULL,
	sgtxt VARCHAR(50) NOT NULL,
	PRIMARY KEY (mandt, mblnr, mjahr, zeile)
);

CREATE INDEX ix_mseg_delivery ON mseg (mandt, vbeln_im);

CREATE TABLE msku (
	mandt VARCHAR(3) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	charg VARCHAR(10) NOT NULL,
	sobkz VARCHAR(1) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	kulab VARCHAR(24) NOT NULL,
	PRIMARY KEY (mandt, matnr, werks, charg, sobkz, kunnr)
);

CREATE TABLE ekko (
	mandt VARCHAR(3) NOT NULL,
	ebeln VARCHAR(10) NOT NULL,
	bukrs VARCHAR(4) NOT NULL,
	bstyp VARCHAR(1) NOT NULL,
	bsart VARCHAR(4) NOT NULL,
	aedat VARCHAR(8) NOT NULL,
	ernam VARCHAR(12) NOT NULL,
	lifnr VARCHAR(10) NOT NULL,
	ekorg VARCHAR(4) NOT NULL,
	ekgrp VARCHAR(3) NOT NULL,
	waers VARCHAR(5) NOT NULL,
	bedat VARCHAR(8) NOT NULL,
	reswk VARCHAR(4) NOT NULL,
	unsez VARCHAR(12) NOT NULL,
	ihrez VARCHAR(12) NOT NULL,
	PRIMARY KEY (mandt, ebeln)
);

CREATE INDEX ix_ekko_reference ON ekko (mandt, unsez);

CREATE TABLE ekpo (
	mandt VARCHAR(3) NOT NULL,
	ebeln VARCHAR(10) NOT NULL,
	ebelp VARCHAR(5) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	txz01 VARCHAR(40) NOT NULL,
	werks VARCHAR(4) NOT NULL,
	lgort VARCHAR(4) NOT NULL,
	menge VARCHAR(24) NOT NULL,
	meins VARCHAR(3) NOT NULL,
	netpr VARCHAR(24) NOT NULL,
	pstyp VARCHAR(1) NOT NULL,
	elikz VARCHAR(1) NOT NULL,
	loekz VARCHAR(1) NOT NULL,
	PRIMARY KEY (mandt, ebeln, ebelp)
);

CREATE TABLE bkpf (
	mandt VARCHAR(3) NOT NULL,
	bukrs VARCHAR(4) NOT NULL,
	belnr VARCHAR(10) NOT NULL,
	gjahr VARCHAR(4) NOT NULL,
	blart VARCHAR(2) NOT NULL,
	bldat VARCHAR(8) NOT NULL,
	budat VARCHAR(8) NOT NULL,
	monat VARCHAR(2) NOT NULL,
	cpudt VARCHAR(8) NOT NULL,
	cputm VARCHAR(6) NOT NULL,
	usnam VARCHAR(12) NOT NULL,
	xblnr VARCHAR(16) NOT NULL,
	bktxt VARCHAR(25) NOT NULL,
	waers VARCHAR(5) NOT NULL,
	awtyp VARCHAR(5) NOT NULL,
	awkey VARCHAR(20) NOT NULL,
	awsys VARCHAR(10) NOT NULL,
	stblg VARCHAR(10) NOT NULL,
	PRIMARY KEY (mandt, bukrs, belnr, gjahr)
);

CREATE INDEX ix_bkpf_reference ON bkpf (mandt, awkey);

CREATE TABLE bseg (
	mandt VARCHAR(3) NOT NULL,
	bukrs VARCHAR(4) NOT NULL,
	belnr VARCHAR(10) NOT NULL,
	gjahr VARCHAR(4) NOT NULL,
	buzei VARCHAR(3) NOT NULL,
	bschl VARCHAR(2) NOT NULL,
	koart VARCHAR(1) NOT NULL,
	shkzg VARCHAR(1) NOT NULL,
	wrbtr VARCHAR(24) NOT NULL,
	dmbtr VARCHAR(24) NOT NULL,
	hkont VARCHAR(10) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	lifnr VARCHAR(10) NOT NULL,
	sgtxt VARCHAR(50) NOT NULL,
	zuonr VARCHAR(18) NOT NULL,
	zfbdt VARCHAR(8) NOT NULL,
	augbl VARCHAR(10) NOT NULL,
	augdt VARCHAR(8) NOT NULL,
	augcp VARCHAR(8) NOT NULL,
	PRIMARY KEY (mandt, bukrs, belnr, gjahr, buzei)
);

CREATE INDEX ix_bseg_vendor ON bseg (mandt, bukrs, lifnr);

CREATE INDEX ix_bseg_customer ON bseg (mandt, bukrs, kunnr);

CREATE TABLE s001 (
	mandt VARCHAR(3) NOT NULL,
	ssour VARCHAR(4) NOT NULL,
	vrsio VARCHAR(3) NOT NULL,
	spmon VARCHAR(6) NOT NULL,
	sptag VARCHAR(8) NOT NULL,
	spwoc VARCHAR(6) NOT NULL,
	spbup VARCHAR(6) NOT NULL,
	kunnr VARCHAR(10) NOT NULL,
	vkorg VARCHAR(4) NOT NULL,
	vtweg VARCHAR(2) NOT NULL,
	spart VARCHAR(2) NOT NULL,
	matnr VARCHAR(18) NOT NULL,
	stwae VARCHAR(5) NOT NULL,
	basme VARCHAR(3) NOT NULL,
	aenetwr VARCHAR(24) NOT NULL,
	aemenge VARCHAR(24) NOT NULL,
	anzaupos VARCHAR(24) NOT NULL,
	renetwr VARCHAR(24) NOT NULL,
	remenge VARCHAR(24) NOT NULL,
	anzrepos VARCHAR(24) NOT NULL,
	umnetwr VARCHAR(24) NOT NULL,
	ummenge VARCHAR(24) NOT NULL,
	oauwe VARCHAR(24) NOT NULL,
	oaume VARCHAR(24) NOT NULL,
	lfmenge VARCHAR(24) NOT NULL,
	PRIMARY KEY (mandt, ssour, vrsio, spmon, sptag, spwoc, spbup, kunnr, vkorg, vtweg, spart, matnr)
);

CREATE TABLE injected_faults (
	mandt VARCHAR(3) NOT NULL,
	fault_id INTEGER NOT NULL,
	target VARCHAR(30) NOT NULL,
	kind VARCHAR(20) NOT NULL,
	remaining INTEGER,
	seconds FLOAT,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (mandt, fault_id)
);

CREATE TABLE rfc_sessions (
	session_id VARCHAR(64) NOT NULL,
	mandt VARCHAR(3) NOT NULL,
	uname VARCHAR(12) NOT NULL,
	created_at FLOAT NOT NULL,
	last_used FLOAT NOT NULL,
	PRIMARY KEY (session_id)
);

CREATE INDEX ix_rfc_sessions_idle ON rfc_sessions (mandt, last_used);

CREATE TABLE rfc_update_tasks (
	session_id VARCHAR(64) NOT NULL,
	counter INTEGER NOT NULL,
	mandt VARCHAR(3) NOT NULL,
	function VARCHAR(30) NOT NULL,
	payload JSON NOT NULL,
	created_at FLOAT NOT NULL,
	PRIMARY KEY (session_id, counter)
);

CREATE TABLE rfc_client_settings (
	mandt VARCHAR(3) NOT NULL,
	commit_every_call BOOLEAN NOT NULL,
	session_timeout_seconds INTEGER NOT NULL,
	PRIMARY KEY (mandt)
);

